"""Reading and extraction: from a file to the events and mechanisms it states.

One module per stage of an article's journey, each importing only the foundation
(`models`, `vocab`, `errors`, `settings`) and the gazetteer:

    ingest ─► clean ─► actors ─► dates ─► events
    RawDocument Article ActorMention DateMention Extraction

`pipeline` is the only module that chains them; `dedupe` finds near-duplicate texts and
`parallel` runs extraction on several cores. Nothing here touches the store.
"""
