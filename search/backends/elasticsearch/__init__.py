"""Search on Elasticsearch 9: pure request/response functions and the backend using them."""

from search.backends.elasticsearch.backend import ElasticsearchBackend

__all__ = ["ElasticsearchBackend"]
