"""The file to hand to spark-submit (sinoscope must be importable on the driver and the executors):

    spark-submit --master yarn ... src/sinoscope/spark/submit.py MANIFEST --out DIR [--kb-only]
"""

import sys

from sinoscope.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
