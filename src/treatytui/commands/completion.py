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


def complete_if_asked(parser: argparse.ArgumentParser) -> None:
    """When the shell asks for completions (``_ARGCOMPLETE`` set), print them and exit."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    import argcomplete

    argcomplete.autocomplete(parser)


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
