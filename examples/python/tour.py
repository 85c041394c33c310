# %% [markdown]
# # A tour of crosscheck from Python
#
# A notebook in the percent format: open it in Jupyter (with jupytext), VS Code or PyCharm and
# run it cell by cell, or run it whole with `python examples/python/tour.py`. It needs only the
# package (`pip install ./python` from a clone of the repository); pandas is used when it is
# installed.

# %%
import pathlib

import crosscheck

examples = pathlib.Path(__file__).resolve().parent.parent  # the corpus in examples/

# %% [markdown]
# ## The claims of one text
#
# Spans are character offsets into the string, so slicing the text gives the claim back.

# %%
text = (
    "Firefighters said three crew members were hurt when the roof of the depot fell in on "
    "Tuesday; the depot had stored about 40 tonnes of grain."
)
for claim in crosscheck.extract(text, date="2025-06-12"):
    assert text[claim.span.start : claim.span.end] == claim.text
    print(f"{claim.kind:9} {claim.property:9} {claim.text!r} -> {claim.value}")

# %% [markdown]
# ## Checking documents held in memory
#
# Dicts take the fields of a JSON Lines corpus; `group` keeps stories apart with
# `group_by="folder"`.

# %%
articles = [
    {"id": "herald", "group": "depot", "source": "The Herald", "date": "2025-06-11",
     "text": "Three crew members were hurt when the depot roof fell in on Tuesday."},
    {"id": "chronicle", "group": "depot", "source": "The Chronicle", "date": "2025-06-11",
     "text": "Five crew members were hurt when the depot roof fell in on Tuesday."},
]
report = crosscheck.check(articles, group_by="folder")
print(report)
for finding in report.findings:
    print(finding.kind, "|", finding.subject, finding.property, "|", finding.message)
    for claim in finding.claims:
        print("   ", claim.document, repr(claim.text))

# %% [markdown]
# ## Checking a folder, as the binary does
#
# In Jupyter the last expression of a cell shows the report as the HTML review page.

# %%
corpus = crosscheck.check([examples], group_by="folder")
print(corpus.summary)
conflicts = [f for f in corpus.findings if f.kind == "conflict"]
print(f"{len(conflicts)} conflicts, for example: {conflicts[0].message}")
corpus  # noqa: B018 - shown as the review page in a notebook

# %% [markdown]
# ## As tables

# %%
try:
    import pandas  # noqa: F401
except ImportError:
    print("pandas is not installed: skipping the tables")
else:
    findings, claims = corpus.to_pandas()
    print(findings[["kind", "subject", "property", "message"]].head())
    print(claims.groupby("kind").size())

# %% [markdown]
# ## Reports for other tools

# %%
sarif = corpus.to_sarif()
markdown = corpus.to_markdown()
print(len(sarif), "bytes of SARIF;", markdown.splitlines()[0])
