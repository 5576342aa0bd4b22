"""What diplograph writes for other tools and readers: exports (CSV, Parquet, GraphML,
GEXF, PLOVER) and the self-contained HTML report on a hub."""
