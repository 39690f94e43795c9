"""The ``spark-submit`` entry point: ``rasad spark`` on a cluster, whose master spark-submit sets.

    spark-submit --master spark://host:7077 src/rasad/scale/spark_job.py \
        --input hdfs:///news/2024 --output hdfs:///rasad/2024

Every executor needs rasad installed (see docs/SCALE.md).
"""

import sys

from rasad.scale.spark import main

if __name__ == "__main__":
    sys.exit(main())
