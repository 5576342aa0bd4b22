"""Analyses over the store: what the extracted events say about states and formats.

`ladder` ranks a pair of states' cooperation, `graph` builds the partnership network,
`timeline` orders events, `formats` and `registry` give standing mechanisms their identity
and sessions, `hubs` compares a hub's partners, `reference` loads the curated tables, and
`features`, `forecast` and `backtest` rank likely next partners and score that ranking.
These modules read the store; they never write extraction results.
"""
