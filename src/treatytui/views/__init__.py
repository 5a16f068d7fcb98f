"""Collection-wide views of the stored facts: a timeline, figures compared, and export.

Pure Python on plain data (``ArticleFacts`` lists): no Whoosh, no Textual. The CLI and the
app's screens both build on these functions.
"""
