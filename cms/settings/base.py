"""Production-safe base settings shared by every environment.

Everything that differs per machine comes from environment variables, read only through
the typed readers of ``cms/env.py`` and documented in ``.env.example``. DEBUG is off here;
``dev.py`` and ``test.py`` are short overrides.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from django.core.exceptions import ImproperlyConfigured

from cms.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, bottom layer first (docs/architecture.md): each app's models are loaded after
    # those of the apps it imports.
    "core",
    "regions",
    "news",
    "cases",
    "events",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # Purges the CDN on publish; without WAGTAILFRONTENDCACHE (below) it does nothing.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security (see the "Security" section below).
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Page cache (core/pagecache.py): outside everything that sets cookies or headers, so it
    # sees them all and stores the page with its CSP; a hit skips the lot (and the CSP's
    # settings lookup), only the security headers above are added to each response.
    "core.pagecache.PageCacheMiddleware",
    # Security: CSP and Permissions-Policy on every response that is not a static file.
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for generated text, inside the page cache so a page is compressed once; after
    # WhiteNoise, which answers static files itself with its precompressed copies.
    "core.middleware.CompressTextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the site and the admin speak Dutch only (LANGUAGES), and it would
    # add "Vary: Accept-Language" to every page, splitting a CDN's cache per browser language.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Learns Wagtail's routes per content generation (core/routing.py): fewer queries per page.
    "core.routing.RouteMemoMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Security: admin login lockout; django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is only the zero-set-up database of `make run`; tests and production
# set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
# A kept-open connection the database dropped (restart, failover, idle timeout) is
# replaced at the start of the next request instead of failing it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# Leaflet and its marker-cluster plugin arrive as PyPI packages (XStatic) and are
# served as our own static files under vendor/: never from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
# --- Media storage and CDN purge (see docs/deployment.md) ---------------------
# Uploads never run in the site's origin. With AWS_STORAGE_BUCKET_NAME set they live in
# S3-compatible object storage and images are linked from the bucket or from its own media
# domain (AWS_S3_CUSTOM_DOMAIN); without it they live in MEDIA_ROOT, and production sets
# MEDIA_URL to a separate media host that serves that folder. Documents are never linked
# from storage: Wagtail's serve_view streams them as downloads (WAGTAILDOCS_SERVE_METHOD).
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
# The origin images come from, for the Content-Security-Policy (None: the site's own).
MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL)) if "//" in MEDIA_URL else None

if env("AWS_STORAGE_BUCKET_NAME"):
    _media_domain = env("AWS_S3_CUSTOM_DOMAIN")
    if _media_domain and _media_domain.split(":")[0] in ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            f"AWS_S3_CUSTOM_DOMAIN={_media_domain} is a host of the site itself (ALLOWED_HOSTS): "
            "give media a domain of their own, so that uploads never run in the site's origin."
        )
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            # Unset: boto3 finds credentials itself (instance role, ~/.aws).
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": _media_domain,
            # Shared caches keep pages longer than a signed URL lives, so image URLs are
            # plain; the bucket policy makes images/ (renditions) publicly readable only.
            "querystring_auth": False,
            # Never replace an object that another upload's row points to.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    if _media_domain:
        MEDIA_ORIGIN = f"https://{_media_domain}"
    elif env("AWS_S3_ENDPOINT_URL"):
        MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(env("AWS_S3_ENDPOINT_URL")))
    else:
        MEDIA_ORIGIN = f"https://{env('AWS_STORAGE_BUCKET_NAME')}.s3.amazonaws.com"
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _media_storage,
    # Compressed files with hashed names; far-future caching is safe.
    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
}

# Purge the CDN when a page is published or unpublished (wagtail.contrib.frontend_cache).
# FRONTEND_CACHE_BACKEND picks one of Wagtail's backends; unset, nothing is purged.
_frontend_cache = env("FRONTEND_CACHE_BACKEND")
if _frontend_cache == "http-purge":  # Varnish, nginx proxy_cache_purge, Fastly-style PURGE
    _purge_backend = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_LOCATION", required=True),
    }
elif _frontend_cache == "cloudflare":
    _purge_backend = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", required=True),
        "ZONEID": env("CLOUDFLARE_ZONE_ID", required=True),
    }
elif _frontend_cache == "cloudfront":
    _purge_backend = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID", required=True),
        "AWS_ACCESS_KEY_ID": env("AWS_ACCESS_KEY_ID"),
        "AWS_SECRET_ACCESS_KEY": env("AWS_SECRET_ACCESS_KEY"),
    }
elif _frontend_cache:
    raise ImproperlyConfigured(
        f"FRONTEND_CACHE_BACKEND={_frontend_cache} is unknown: use http-purge, cloudflare "
        "or cloudfront, or leave it unset (see .env.example)."
    )
if _frontend_cache:
    WAGTAILFRONTENDCACHE = {"default": _purge_backend}
# --- end of media storage and CDN purge ---------------------------------------

# --- Cache and page cache (core/pagecache.py) ------------------------------------------
# Redis when REDIS_URL is set; otherwise a table in the database, so that every process
# (runserver, gunicorn workers, management commands that publish) shares one cache: a
# per-process cache would keep serving a page another process has unpublished. `migrate`
# creates the table (core/apps.py).
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "pps",
            # A hanging Redis must not hang every request; pages are then served uncached.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "KEY_PREFIX": "pps",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Seconds an anonymous visitor's page stays cached (0: no page cache). Publishing anything
# outdates every cached page at once; the limit is for what changes with the date alone.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Seconds the header and footer stay cached (0: not cached); publishing outdates them too.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)
# Never cached: the admin, document downloads (permission checks), the rate-limited search,
# the health check, and files WhiteNoise or the dev server serve anyway.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documenten/", "/zoeken/", "/healthz"]
PAGE_CACHE_EXCLUDED_PATHS += [STATIC_URL, MEDIA_URL]
# --- end of cache -------------------------------------------------------------------------

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Outgoing mail (contact form notifications, workflow e-mails). The contact form mails while
# the visitor waits, so a mail server that hangs must not hang the request for long.
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Rate limits per client address (core/ratelimit.py): scope -> (requests, seconds).
RATE_LIMITS = {
    "search": (env_int("RATE_LIMIT_SEARCH_PER_MINUTE", 60), 60),
    "contact": (env_int("RATE_LIMIT_CONTACT_PER_HOUR", 5), 3600),
    "proposal": (env_int("RATE_LIMIT_PROPOSAL_PER_HOUR", 5), 3600),
    "event_registration": (env_int("RATE_LIMIT_EVENT_REGISTRATION_PER_HOUR", 10), 3600),
}
# Registrations for a meeting are deleted this many days after it ended
# (`manage.py delete_old_registrations`, run daily from cron).
EVENT_REGISTRATION_RETENTION_DAYS = env_int("EVENT_REGISTRATION_RETENTION_DAYS", 30)
# Only behind a proxy that sets X-Forwarded-For itself (the load balancer).
RATE_LIMIT_TRUST_FORWARDED_FOR = env_bool("RATE_LIMIT_TRUST_FORWARDED_FOR", False)

# Wagtail
WAGTAIL_SITE_NAME = "Regionale samenwerkingen onderwijs en bedrijfsleven"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The address `load_demo_content` gives the demo's Wagtail Site (canonical URLs, share tags,
# sitemap entries): what `make run` serves. It replaces only Wagtail's own default Site
# address (localhost, port 80), never one an operator has set (production: your domain).
DEMO_SITE_URL = env("DEMO_SITE_URL", "http://127.0.0.1:8000")
# The admin makes no third-party requests: no Gravatar avatars (they would send a hash of
# every editor's e-mail address to gravatar.com) and no version check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A moderator's approval publishes the approved item although the Moderator group has no
# publish rights, so moderators cannot publish anything directly (home/moderation.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.moderation.publish_approved_workflow_state"
WAGTAILDOCS_DOCUMENT_MODEL = "core.AccessibleDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "odt", "ods", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Uploads are also checked by content (a renamed HTML file is refused); see core/forms.py.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.DocumentForm"
# Documents are downloaded, never opened inline in our origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Full-text search in Dutch: PostgreSQL's "dutch" configuration stems words, so
# "samenwerkingen" finds "samenwerking". On SQLite (make run only) the same
# backend falls back to SQLite's own full-text search. core.searchbackend is Wagtail's
# database backend that searches what people type as words, never as query syntax.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "core.searchbackend",
        "SEARCH_CONFIG": "dutch",
        "AUTO_UPDATE": True,
    }
}

# Map defaults (public map and the admin location widget): the Netherlands.
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
)
# MAP_TILES=false: maps without any tiles, drawn only from our own region and province
# outlines, so no page makes a request to another host. Everything reads MAP_TILE_URL, and
# an empty one means no tiles (the Content-Security-Policy then adds no tile host either).
if not env_bool("MAP_TILES", True):
    MAP_TILE_URL = ""
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 52.2, "lng": 5.3}
GEO_WIDGET_ZOOM = 7
# The admin location widget uses the same tiles as the public map.
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": 19}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- Security -----------------------------------------------------------------
# HTTPS, HSTS and secure cookies are in production.py; these hold everywhere.
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin scripts read the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No page may be framed; Wagtail's preview views answer SAMEORIGIN for the admin's
# preview panel themselves, and the admin CSP below allows frame-ancestors 'self'.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): core.middleware picks the public or the admin
# policy per request and adds the map tile host (MAP_TILE_URL), the media host
# (MEDIA_ORIGIN) and, on public pages, the analytics script's origin from SiteSettings.
# Video embeds (EmbedBlock) are iframes from these hosts:
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # No inline script anywhere on the public site: JSON data blocks are not executed.
        "script-src": ["'self'"],
        # Leaflet positions tiles through element.style (CSSOM), which CSP allows.
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": EMBED_FRAME_SOURCES or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Wagtail's admin still renders inline scripts (panels, date pickers) and inline styles,
# and frames its own preview; everything still comes from this host only.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Browser features no page uses; video embeds keep fullscreen (not listed here).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Admin login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked for LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    # AxesBackend (not the standalone one): Wagtail's test helpers log in with the first
    # backend, which must also load users (ModelBackend.get_user).
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same client address as the rate limits (RATE_LIMIT_TRUST_FORWARDED_FOR).
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Keep only failed attempts, not a log of every editor's logins.
AXES_DISABLE_ACCESS_LOG = True
# --- end of Security ----------------------------------------------------------
