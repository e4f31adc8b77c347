"""POST /api/documents: add documents to the atlas from an upload.

Reading is open; writing needs `Authorization: Bearer <token>` when the server
has a token (CGTATLAS_TOKEN). Each file is read by the ingest reader and
stored by the store's `ingest_document` in its own transaction; a bad file
gets a clear reason and never stops the others.
"""
from __future__ import annotations

import re
import secrets
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

from cgtatlas.settings import Settings
from cgtatlas.web.app import get_app_settings, get_engine
from cgtatlas.web.models import UploadPublic

bearer = HTTPBearer(auto_error=False, description="Needed when the server sets CGTATLAS_TOKEN")


def require_token(credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
                  settings: Settings = Depends(get_app_settings)) -> None:
    """Refuse writes without the right bearer token, when a token is configured."""
    if not settings.token:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid bearer token is required to add documents",
                            headers={"WWW-Authenticate": "Bearer"})


def safe_file_name(name: str | None, index: int) -> str:
    """Keep the base name (its extension tells the reader the format); drop path parts."""
    base = Path((name or "").replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f]", "", base).strip(" .")[:120]
    return base or f"upload-{index}.txt"


def store_one(engine: Engine, settings: Settings, path: Path, seen: set[str]) -> dict:
    from cgtatlas.ingest.read import IngestError, read_document
    from cgtatlas.resolve import load_overrides
    from cgtatlas.store.ingest import ingest_document

    result = {"file_name": path.name, "outcome": "failed", "doc_id": None, "title": None, "reason": None}
    try:
        doc = read_document(path, settings)
        result.update(doc_id=doc.id, title=doc.title)
        if doc.id in seen:
            return {**result, "outcome": "duplicate", "reason": "same text as another file in this upload"}
        seen.add(doc.id)
        result["outcome"] = ingest_document(engine, doc, overrides=load_overrides(settings.overrides))
    except IngestError as exc:
        result["reason"] = exc.reason
    except Exception as exc:  # one bad file must not stop the batch; say what went wrong
        result["reason"] = f"{type(exc).__name__}: {exc}"
    return result


def store_uploads(engine: Engine, settings: Settings, files: list[tuple[str, bytes]]) -> list[dict]:
    """Write the uploads to a private temp dir, then read and store each one."""
    results, seen = [], set()
    with tempfile.TemporaryDirectory(prefix="cgtatlas-upload-") as tmp:
        for index, (name, data) in enumerate(files):
            path = Path(tmp) / f"{index:03d}" / safe_file_name(name, index)
            if len(data) > settings.max_file_bytes:
                results.append({"file_name": path.name, "outcome": "failed",
                                "reason": f"larger than {settings.max_file_mb:g} MB"})
                continue
            path.parent.mkdir()
            path.write_bytes(data)
            results.append(store_one(engine, settings, path, seen))
    return results


def router() -> APIRouter:
    api = APIRouter(prefix="/api/documents", tags=["documents"])

    @api.post("", response_model=UploadPublic, dependencies=[Depends(require_token)])
    async def upload(files: list[UploadFile], engine: Engine = Depends(get_engine),
                     settings: Settings = Depends(get_app_settings)):
        payload = [(f.filename or "", await f.read(settings.max_file_bytes + 1)) for f in files]
        return {"results": await run_in_threadpool(store_uploads, engine, settings, payload)}

    return api
