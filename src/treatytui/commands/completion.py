"""Shell completion for bash, zsh and fish, from the argument parser (argcomplete).

``treatytui --print-completion SHELL`` prints the script to source; on TAB the shell runs
``treatytui`` with ``_ARGCOMPLETE`` set, and :func:`complete_if_asked` answers from the
same parser as ``--help`` (so completion knows every option and subcommand, also those
added later) and exits. argcomplete is imported only then: a normal run pays nothing.
"""

from __future__ import annotations

import argparse
import os

SHELLS = ("bash", "zsh", "fish")


def completion_script(shell: str, prog: str = "treatytui") -> str:
    """The script that makes ``shell`` complete ``prog``'s options and subcommands."""
    if shell not in SHELLS:
        raise ValueError(f"no completion for {shell!r}: choose one of {', '.join(SHELLS)}")
    import argcomplete

    return argcomplete.shellcode([prog], shell=shell)


def saved_search_names(**_kwargs: object) -> list[str]:
    """The names of the user's saved searches (for ``--saved NAME``), if any are saved."""
    from treatytui.state import ReadingState, StateError, state_file

    if not state_file().exists():
        return []
    try:
        with ReadingState.open(timeout=0.5) as state:
            return [saved.name for saved in state.saved_searches()]
    except StateError:
        return []


def complete_if_asked(parser: argparse.ArgumentParser) -> None:
    """When the shell asks for completions (``_ARGCOMPLETE`` set), print them and exit."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    import argcomplete

    for action in _all_actions(parser):
        if action.dest == "saved" and action.option_strings:
            action.completer = saved_search_names  # type: ignore[attr-defined]
        elif action.dest in ("query", "articles") and not action.option_strings:
            action.completer = argcomplete.SuppressCompleter()  # type: ignore[attr-defined]
    argcomplete.autocomplete(parser)


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    actions = list(parser._actions)  # argparse has no public walk of its actions
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                actions += _all_actions(sub)
    return actions


class PrintCompletion(argparse.Action):
    """``--print-completion SHELL``: print the completion script and exit."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(completion_script(str(values), parser.prog), end="")
        parser.exit()


class PrintMan(argparse.Action):
    """``--print-man``: print the manual page (roff) and exit."""

    def __init__(self, option_strings, dest, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from treatytui.commands.manpage import man_page

        print(man_page(parser), end="")
        parser.exit()
