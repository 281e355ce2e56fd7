"""Analysis package behind *Health Worker Mobility: checking the numbers*.

Data loading and checks live in :mod:`analysis.data.files` and :mod:`analysis.data.sources`;
each chapter's computations live in a module named for what it holds.
"""

__version__ = "0.1.0"
