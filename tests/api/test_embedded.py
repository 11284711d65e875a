"""The embedded database wherever the data dir is (hardening issue, item 20): a
checkout in root's mode-700 home works with `make run`, and the user's directories
keep their permissions."""
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from support import server as srv
from support.helpers import auth, json_of, register


def test_a_data_dir_under_a_private_directory(tmp_path_factory):
    home = Path(tempfile.mkdtemp(prefix="mg-private-home-"))
    os.chmod(home, 0o700)  # like /root on a fresh VPS
    data_dir = home / "checkout" / "var"
    port = srv.free_port()
    env = srv.server_env({"DATABASE_URL": None})
    log_path = srv.run_dir() / "embedded-private-home.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([str(srv.require_binary()), "--data-dir", str(data_dir), "serve",
                                 "--host", "127.0.0.1", "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=srv.REPO_ROOT)
    relocated = None
    try:
        deadline = time.monotonic() + 90
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=2) as c:
            while True:
                assert proc.poll() is None, srv.tail_of(log_path)
                try:
                    if c.get("/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, srv.tail_of(log_path)
                time.sleep(0.2)
            acct = register(c)
            created = json_of(c.post("/management/customers", json={"name": "Cliente Local"},
                                     headers=auth(acct.access_token)), 201)
            assert json_of(c.get(f"/management/customers/{created['id']}",
                                 headers=auth(acct.access_token)), 200)["name"] == "Cliente Local"
        location = data_dir / "postgres.location"
        if location.exists():  # running as root: the cluster lives where postgres can reach it
            relocated = Path(location.read_text().splitlines()[0])
            assert (relocated / "postgres" / "PG_VERSION").exists()
        assert stat.S_IMODE(os.stat(home).st_mode) == 0o700, "the private directory stays private"
        # The embedded cluster declares textlike LEAKPROOF (docs/architecture.md, Search).
        assert "text search cannot use its indexes" not in log_path.read_text(errors="replace")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if relocated and relocated.exists():
            subprocess.run(["runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl",
                            "-D", str(relocated / "postgres"), "-m", "immediate", "stop"],
                           capture_output=True)
            shutil.rmtree(relocated, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
