"""The decision simulator's engine: pure functions, no database, no user code.

``rules`` holds the typed model of a case and its decision table (built from the lesson
block's value), ``validation`` finds authoring errors, ``evaluate`` decides a case,
``counterfactuals`` finds the smallest changes that flip the result, and ``feedback``
checks a learner's explanation. Conditions are data (comparisons, ranges, set
membership, all/any), never evaluated as code.
"""
