"""Weekly series of contacts and posts: calendar covariates, season, effects of posts, lead times."""
