"""A chain of practices: every practice analysed as a Dask task, topic effects pooled across them."""
