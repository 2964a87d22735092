"""briefing: curated articles and bilingual briefings, published as a static site."""
