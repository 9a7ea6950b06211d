"""Local development: `make run`. DEBUG on unless DEBUG=0 is set."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
