"""Prefect 2/3 flow: `vault run`, then `vault test`, against a Trino cluster (Prefect 2.14.13 or
newer, for retry_condition_fn, or Prefect 3).

Each step runs the vault CLI with ``--log-format json``, reads its JSON events line by line as
they come and logs them, and raises ``VaultCliError`` on a non-zero exit code with what the
code means (docs/artifacts.md):

    1  a model or query failed       retried once; then `vault retry` reruns only what failed or was skipped
    2  bad command line              not retried
    3  invalid project or model      not retried: a retry cannot fix a file
    4  engine unavailable            retried with growing delays (1, 4, 15 minutes)
    5  data tests failed             not retried: the data will not change by itself
    10 a bug in vault                not retried

The Trino password comes from a Prefect Secret block (or the worker's environment) and is put
into the environment variable the target's ``password-env`` names, for the vault process only;
it is never on the command line and never a task parameter (those are recorded by Prefect).

Setup:
    # a prod target in vault.yml: type trino, jdbc-url ..., user ..., password-env: VAULT_TRINO_PASSWORD
    prefect block register -m prefect.blocks.system     # once, if the Secret block type is missing
    python -c "from prefect.blocks.system import Secret; Secret(value='...').save('vault-trino-password')"
    VAULT_BIN=/usr/local/bin/vault VAULT_PROJECT_DIR=/opt/vault/project VAULT_SECRET_BLOCK=vault-trino-password python vault_flow.py

or deploy it: ``prefect deploy examples/prefect/vault_flow.py:vault_flow -n nightly --cron "0 4 * * *"``.
"""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Optional

from prefect import flow, get_run_logger, task

VAULT_BIN = os.environ.get("VAULT_BIN", "vault")
VAULT_PROJECT_DIR = os.environ.get("VAULT_PROJECT_DIR", ".")
# the variable the target's password-env names in vault.yml
PASSWORD_ENV = "VAULT_TRINO_PASSWORD"

EXIT_CODES = {
    0: "success",
    1: "a model or query failed (its tables are unchanged; models reading it were skipped)",
    2: "bad command line",
    3: "invalid project or model files, or a selector that names no model: nothing ran",
    4: "the engine could not be started or reached",
    5: "data tests failed",
    10: "a bug in vault",
}
RETRYABLE = {1, 4}
# exit code 1: how many times the whole command is rerun before `vault retry` takes over (a
# transient cause, e.g. an Iceberg commit conflict with another writer, passes on a rerun)
MODEL_FAILURE_RETRIES = 1


class VaultCliError(Exception):
    """The vault CLI exited with a non-zero code."""

    def __init__(self, command: str, exit_code: int, detail: str = "", summary: Optional[dict] = None):
        self.command = command
        self.exit_code = exit_code
        self.meaning = EXIT_CODES.get(exit_code, "unknown exit code")
        self.summary = summary
        message = f"vault {command} exited with {exit_code}: {self.meaning}"
        super().__init__(message + (f"\n{detail}" if detail else ""))


def retry_on_model_failure_or_engine_down(task_, task_run, state) -> bool:
    """Prefect's retry_condition_fn: exit code 4 uses every retry, 1 at most MODEL_FAILURE_RETRIES
    (then `vault retry` takes over), and 3 (invalid project) and the others fail fast."""
    try:
        state.result()
    except VaultCliError as error:
        if error.exit_code == 1:
            return getattr(task_run, "run_count", 1) <= MODEL_FAILURE_RETRIES
        return error.exit_code in RETRYABLE
    except Exception:
        return False  # e.g. the CLI is not installed: a retry will not install it
    return False


def trino_password(secret_block: Optional[str]) -> Optional[str]:
    """From the Prefect Secret block if one is named, else from the worker's own environment."""
    if secret_block:
        from prefect.blocks.system import Secret

        return Secret.load(secret_block).get()
    return os.environ.get(PASSWORD_ENV)


def read_run_results(project_dir: str, since_ns: Optional[int]) -> Optional[dict]:
    """run_results.json (vault/run-results/v1) if this command wrote it, as a short summary."""
    path = Path(project_dir) / ".vault" / "run_results.json"  # the project's target-path
    if not path.exists() or path.stat().st_mtime_ns == since_ns:
        return None  # exit codes 3 and 4 can come before anything ran: the file is an older command's
    results = json.loads(path.read_text(encoding="utf-8"))
    statuses: dict[str, int] = {}
    for entry in results.get("results", []):
        statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
    tests: dict[str, int] = {}
    for test in results.get("tests", []):
        tests[test["status"]] = tests.get(test["status"], 0) + 1
    return {
        "command": results.get("command"),
        "invocation_id": results.get("invocation_id"),
        "success": results.get("success"),
        "elapsed_seconds": results.get("elapsed_seconds"),
        "models": statuses,
        "rows_written": sum(entry.get("rows_written") or 0 for entry in results.get("results", [])),
        "failed_models": [entry["model"] for entry in results.get("results", []) if entry["status"] == "failed"],
        "tests": tests,
    }


def log_event(logger, event: dict) -> None:
    """One JSON event of `--log-format json` as one log record, at a level that fits it."""
    kind = event.get("event")
    if kind == "model_finished":
        text = f"{event['index']}/{event['total']} {event['status']:<10} {event['kind']:<9} {event['model']}: {event['detail']} ({event['seconds']:.1f} s)"
        if event.get("status") in ("failed", "skipped"):
            logger.warning(text + (f"\n{event['error']}" if event.get("error") else ""))
        else:
            logger.info(text)
    elif kind == "test_finished":
        text = f"{event['index']}/{event['total']} test {event['status']:<5} {event['test']} (failing rows: {event.get('failing_rows')})"
        (logger.info if event.get("status") == "pass" else logger.warning)(text + (f"\n{event['error']}" if event.get("error") else ""))
    elif kind == "error":
        logger.error("%s (exit code %s): %s", event.get("code"), event.get("exit_code"), event.get("message"))
    elif kind == "summary":
        fields = {key: value for key, value in event.items() if key not in ("ts", "event")}
        logger.info("summary %s", fields)
    elif kind == "model_started":
        logger.debug("%s/%s %s started", event.get("index"), event.get("total"), event.get("model"))
    else:  # engine_starting, engine_ready, model_progress, message
        logger.info("%s %s", kind, {key: value for key, value in event.items() if key not in ("ts", "event")})


@task(
    retries=3,
    retry_delay_seconds=[60, 240, 900],
    retry_condition_fn=retry_on_model_failure_or_engine_down,
    timeout_seconds=2 * 3600,
)
def vault_cli(command: str, target: str = "prod", project_dir: str = VAULT_PROJECT_DIR,
              secret_block: Optional[str] = "vault-trino-password", extra_args: tuple[str, ...] = ()) -> Optional[dict]:
    """Runs one vault command; returns the summary of run_results.json, raises VaultCliError on failure."""
    logger = get_run_logger()
    env = dict(os.environ)
    password = trino_password(secret_block)
    if password:
        env[PASSWORD_ENV] = password  # only in the child's environment
    args = [VAULT_BIN, command, "--target", target, "--log-format", "json", "--project-dir", project_dir, *extra_args]
    logger.info("running %s", " ".join(args))

    results_file = Path(project_dir) / ".vault" / "run_results.json"
    before = results_file.stat().st_mtime_ns if results_file.exists() else None
    started = time.monotonic()
    last_error = ""
    failures: list[str] = []
    # stderr joins stdout: stdout carries only JSON events, stderr may carry JVM or engine warnings
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True, bufsize=1) as process:
        for line in process.stdout:
            line = line.rstrip("\n")
            if not line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                logger.info(line)  # not an event: a warning on stderr
                continue
            if not isinstance(event, dict):
                logger.info(line)
                continue
            log_event(logger, event)
            if event.get("event") == "error":
                last_error = event.get("message", "")
            elif event.get("event") == "model_finished" and event.get("status") == "failed":
                failures.append(f"{event['model']}: {event.get('error')}")
            elif event.get("event") == "test_finished" and event.get("status") != "pass":
                failures.append(f"test {event['test']}: {event.get('failing_rows')} failing rows {event.get('error') or ''}".rstrip())
        exit_code = process.wait()

    summary = read_run_results(project_dir, before)
    logger.info("vault %s exited with %s after %.1f s; results: %s", command, exit_code, time.monotonic() - started, summary)
    if exit_code != 0:
        raise VaultCliError(command, exit_code, last_error or "\n".join(failures), summary)
    return summary


@flow(name="vault-leads", log_prints=True)
def vault_flow(target: str = "prod", project_dir: str = VAULT_PROJECT_DIR,
               secret_block: Optional[str] = "vault-trino-password") -> dict:
    """vault run (then vault retry if models failed), then vault test."""
    logger = get_run_logger()
    try:
        run = vault_cli("run", target, project_dir, secret_block)
    except VaultCliError as error:
        if error.exit_code != 1:
            raise  # 3: fix the project; 4: the engine stayed down through every retry
        logger.warning("vault run failed after its retries (%s); running again only what failed or was skipped", error)
        run = vault_cli.with_options(retries=1)("retry", target, project_dir, secret_block)
    tests = vault_cli("test", target, project_dir, secret_block)
    return {"run": run, "test": tests}


if __name__ == "__main__":
    vault_flow(
        target=os.environ.get("VAULT_TARGET", "prod"),
        secret_block=os.environ.get("VAULT_SECRET_BLOCK") or None,
    )
