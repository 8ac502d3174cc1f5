"""Figures: an image file inside the project (PNG, JPEG or SVG), or a placeholder with the words of the picture."""

from __future__ import annotations

from kplan.load.context import LoadContext
from kplan.load.spec import Rec
from kplan.model.components import Figure

IMAGE_TYPES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".svg": ()}


def figure(ctx: LoadContext, data: Rec) -> Figure:
    """A figure from validated data (a {figure} fence body or an item of a card's `figures:`)."""
    ctx.unique([(str(data["id"]), data.loc_of("id"))], "figure id")
    image, digest = _image(ctx, data)
    return Figure(
        id=str(data["id"]),
        caption=data.get("caption"),
        alt=data.get("alt"),
        image=image,
        digest=digest,
        words=ctx.rich_list(data.get("words")),
        loc=data.loc,
    )


def _image(ctx: LoadContext, data: Rec) -> tuple[str | None, str | None]:
    """(root-relative path, SHA-256 hex of its bytes), or (None, None) for a placeholder or a bad image."""
    if "image" not in data:
        return None, None
    rel = str(data["image"])
    loc = data.loc_of("image")
    path = ctx.path(rel, loc, "image")
    if path is None:
        return None, None
    suffix = path.suffix.lower()
    if suffix not in IMAGE_TYPES:
        ctx.problems.error(loc, "load.image/type", file=rel)
        return None, None
    try:
        content = path.read_bytes()
    except OSError:
        ctx.problems.error(loc, "load.image", file=rel)
        return None, None
    signatures = IMAGE_TYPES[suffix]
    looks_right = any(content.startswith(s) for s in signatures) if signatures else b"<svg" in content[:4096]
    if not looks_right:
        ctx.problems.error(loc, "load.image/invalid", file=rel, format=suffix[1:].upper())
        return None, None
    import hashlib  # only for plans with figures (OpenSSL's import is 2.5 ms)

    return path.relative_to(ctx.project.root).as_posix(), hashlib.sha256(content).hexdigest()
