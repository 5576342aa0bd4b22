"""Measuring extraction: gold annotations, scores against them, and analysts' reviews as gold.

`gold` reads the annotation schema of the evaluation corpus, `scoring` matches extracted
events and mechanisms to it (precision, recall, attribute accuracy, error classes), and
`review` turns the store's reviewed events into gold so a rule change can be measured on
analysts' corrections.
"""
