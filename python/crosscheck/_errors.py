"""The exceptions crosscheck raises (all subclasses of :class:`CrosscheckError`)."""

from __future__ import annotations

from typing import Optional

__all__ = ["CrosscheckError", "RulesError", "InputError", "BaselineError"]


class CrosscheckError(Exception):
    """Something crosscheck could not do.

    ``file``, ``line`` and ``column`` say where, when the error is about a place in a file
    (1-based; the column counted in characters); each is ``None`` when it does not apply.
    """

    def __init__(
        self,
        message: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.message


class RulesError(CrosscheckError):
    """A rules folder that cannot be read, or a rules file that is invalid (with the line and
    column of the mistake)."""


class InputError(CrosscheckError):
    """A document that cannot be read: a missing path, an unreadable file, a JSON Lines line
    that is not a document (``line`` is its number), a record without a ``text`` string."""


class BaselineError(CrosscheckError):
    """A baseline file that cannot be read, is not a baseline, or has another version."""
