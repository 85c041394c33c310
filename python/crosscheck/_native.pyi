"""Type stubs of crosscheck._native, the Rust extension (use the crosscheck package instead)."""

import os
from typing import Dict, List, Optional, Tuple, Union

_Path = Union[str, "os.PathLike[str]"]

class Rules:
    @staticmethod
    def builtin() -> "Rules": ...
    @staticmethod
    def load(path: _Path) -> "Rules": ...
    @property
    def folder(self) -> Optional[str]: ...

class Analysis:
    def data(self) -> str: ...
    def render(self, format: str) -> str: ...

def check(
    items: List[Tuple[str, str]],
    group_by_name: str,
    rules: Optional[Rules] = None,
    baseline: Optional[str] = None,
) -> Analysis: ...
def extract(
    text: str,
    title: Optional[str] = None,
    date: Optional[str] = None,
    rules: Optional[Rules] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
) -> Tuple[str, List[str]]: ...
def compare(
    records: List[str],
    claims: List[List[str]],
    group_by_name: str,
    rules: Optional[Rules] = None,
    learned: Optional[Dict[str, str]] = None,
    name: Optional[str] = None,
) -> Analysis: ...
def learn(claims: List[str]) -> Dict[str, str]: ...
def slots(
    wires: List[str],
    doc: int,
    folder: str,
    learned: Dict[str, str],
    rules: Optional[Rules] = None,
) -> List[Optional[Tuple[str, str, str]]]: ...
def merge_map(
    representatives: List[Tuple[str, str]],
    learned: Dict[str, str],
    rules: Optional[Rules] = None,
) -> List[Tuple[str, str, int, str]]: ...
def compare_cluster(
    records: List[str],
    claims: List[List[str]],
    target: str,
    rules: Optional[Rules] = None,
    name: Optional[str] = None,
) -> Analysis: ...
def contract_version() -> int: ...
