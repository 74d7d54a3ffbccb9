"""Reading what the practice has: blog pages and exports, contact forms, page views, weather."""
