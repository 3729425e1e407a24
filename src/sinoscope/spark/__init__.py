"""Corpus scale: the analysis as a Spark job over crawl archives (CC-NEWS WARC files, JSONL dumps).

`process` is the pure per-record core, `rows` and `schema` the Parquet tables, `job` the Spark
driver, `submit` the file to hand to spark-submit, `cli` the `sinoscope spark` command. pyspark is
an optional extra (`pip install -e ".[spark]"`); nothing here imports it until a job starts.
"""
