"""`treatytui --print-man`: the manual page, written in roff from the argument parser itself.

Generated from the same parser as ``--help`` and the shell completion, so the three never
disagree. ``treatytui --print-man | man -l -`` reads it; ``> treatytui.1`` installs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re

from treatytui import __version__

EXIT_STATUS = (
    ("0", "found or done (some hit, event, fact; the index brought up to date)"),
    ("1", "nothing found (no hit, no event, no fact, nothing to index)"),
    (
        "2",
        "a usage error or an error (a path that does not exist, an unreadable file, "
        "no index, a query that cannot run, the reader started without a terminal)",
    ),
    ("130", "interrupted"),
)
ENVIRONMENT = (
    ("TREATYTUI_INDEX", "the index folder, when --index is not given"),
    ("TREATYTUI_CONFIG", "the config folder (default: the XDG config folder)"),
    (
        "XDG_STATE_HOME",
        "where each user's reading state is kept "
        "(treatytui/state.sqlite3: read, starred, notes, history, saved searches)",
    ),
    ("NO_COLOR", "no colour in the reader; meaning is carried by bold, underline, reverse"),
)


def roff(text: str) -> str:
    """``text`` safe in a roff line: backslashes and hyphens escaped, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.MULTILINE)


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """``(name, help, parser)`` of each subcommand, in the order they were added."""
    found = []
    for action in parser._actions:  # argparse has no public walk of its actions
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            found += [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return found


def _options(parser: argparse.ArgumentParser, *, with_help: bool = True) -> list[str]:
    lines: list[str] = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if isinstance(action, argparse._HelpAction) and not with_help:
            continue
        if action.option_strings:
            metavar = ""
            if action.nargs != 0:
                metavar = " " + (
                    action.metavar
                    or ("{" + ",".join(map(str, action.choices)) + "}" if action.choices else None)
                    or action.dest.upper()
                )
            names = ", ".join(f"\\fB{roff(name)}\\fR" for name in action.option_strings)
            head = names + (f"\\fI{roff(metavar)}\\fR" if metavar else "")
        else:
            head = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
        help_text = (action.help or "") % {"default": action.default, "prog": parser.prog}
        lines += [".TP", head, roff(help_text)]
    return lines


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = parser.format_usage().removeprefix("usage: ").strip()
    return " ".join(usage.split())


def man_page(parser: argparse.ArgumentParser, *, today: dt.date | None = None) -> str:
    """The manual page (section 1) of ``parser`` and its subcommands, in roff."""
    name = parser.prog
    date = (today or dt.date.today()).isoformat()
    lines = [
        f'.TH {name.upper()} 1 "{date}" "{name} {__version__}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {roff(parser.description or '').split('. ')[0].rstrip('.')}",
        ".SH SYNOPSIS",
        f".B {name}",
        roff(_usage(parser).removeprefix(name).strip()),
        ".SH DESCRIPTION",
        roff(parser.description or ""),
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
    ]
    for command, help_text, sub in _subcommands(parser):
        lines += [
            f".SS {roff(command)}",
            f"\\fB{roff(_usage(sub))}\\fR",
            ".PP",
            roff(sub.description or help_text),
            *_options(sub, with_help=False),
        ]
    lines.append(".SH EXIT STATUS")
    for status, meaning in EXIT_STATUS:
        lines += [".TP", f"\\fB{status}\\fR", roff(meaning)]
    lines.append(".SH ENVIRONMENT")
    for variable, meaning in ENVIRONMENT:
        lines += [".TP", f"\\fB{variable}\\fR", roff(meaning)]
    lines += [
        ".SH SHELL COMPLETION",
        f"\\fB{name} \\-\\-print\\-completion\\fR \\fIbash\\fR|\\fIzsh\\fR|\\fIfish\\fR "
        "prints the completion script for that shell, e.g.",
        ".IP",
        f"eval \\(dq$({name} \\-\\-print\\-completion bash)\\(dq",
    ]
    return "\n".join(lines) + "\n"
