"""Running the one pipeline at scale: Apache Spark (``rasad[spark]``) beside the local process pool."""
