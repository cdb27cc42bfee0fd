"""Rate limits on the public forms, counted in the cache (per address and per IP address).

A fixed window per key: the first hit starts it, `limit` hits fit in it. With the local-memory
cache every server process counts on its own; set up a shared cache (Redis) to count across them.
"""

import hashlib

from django.core.cache import cache


def client_ip(request):
    # Behind a proxy, the proxy must set REMOTE_ADDR (e.g. with a trusted middleware); the
    # X-Forwarded-For header is not trusted here because any visitor can send one.
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, value):
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    return f"community:rate:{scope}:{digest}"


def hit(scope, value, limit, window):
    """Count one attempt; True while at most `limit` attempts were made within `window` seconds."""
    key = _key(scope, value)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit


def exceeded(scope, value, limit):
    """True when `value` already used up its attempts (without counting one more)."""
    count = cache.get(_key(scope, value)) or 0
    return count >= limit
