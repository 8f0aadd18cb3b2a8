"""Airflow 2.x DAG: the vault project loaded into a Trino cluster every night.

    vault_run ──────────────┬──> vault_test
        └─(failed)─> vault_retry ─┘

* ``vault_run``   ``vault run --target prod --log-format json``: every model, in dependency order.
* ``vault_retry`` only when ``vault_run`` failed with exit code 1 (a model failed):
                  ``vault retry`` runs again just the models that failed or were skipped, as listed
                  in ``.vault/run_results.json``.
* ``vault_test``  ``vault test --target prod --log-format json``, once the run (or its retry) succeeded.

Exit codes decide what Airflow does (docs/artifacts.md):

====  ==============================================  ==========================================
code  meaning                                         here
====  ==============================================  ==========================================
0     success                                         task succeeds; summary pushed to XCom
1     a model or query failed (its tables unchanged)  retried MODEL_FAILURE_RETRIES times, then
                                                      ``vault_retry`` reruns only what failed
2     bad command line                                fail fast (a bug in this DAG)
3     invalid project or model files, nothing ran    fail fast: a retry cannot fix a file
4     engine could not be reached / started           retried with exponential backoff
5     data tests failed                               fail fast: the data will not change by itself
10    a bug in vault                                  fail fast
====  ==============================================  ==========================================

Setup
-----
1. The ``vault`` CLI on the workers: e.g. the image of examples/kubernetes/Dockerfile (it puts
   ``vault`` on the PATH) or a checkout with ``./vault`` built. Set ``VAULT_BIN`` and
   ``VAULT_PROJECT_DIR`` below (or in the workers' environment).
2. A ``prod`` target in the project's ``vault.yml``; the password is named, never written::

       targets:
         prod:
           type: trino
           jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
           user: etl
           password-env: VAULT_TRINO_PASSWORD

3. An Airflow connection ``trino_prod`` (Admin > Connections, or a secrets backend such as
   Vault/AWS Secrets Manager) whose password is the Trino password. The task puts it into the
   environment variable ``VAULT_TRINO_PASSWORD`` of the vault process only; it never appears on
   the command line (where ``ps`` and the task log would show it). Airflow masks connection
   passwords, and env keys containing "password", in logs and rendered templates.

``vault retry`` reads ``.vault/run_results.json`` of the project directory, so ``vault_run`` and
``vault_retry`` must see the same directory: a LocalExecutor, a shared volume, or a Celery queue
bound to one worker (``queue=``). With the KubernetesPodOperator variant at the end, mount a
PersistentVolumeClaim at the project's target path.

Needs Airflow 2.6 or newer (``schedule=``, ``append_env``, the ``conn`` template variable).
"""
from __future__ import annotations

import json
import os
import shlex
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException, AirflowSkipException
from airflow.utils.trigger_rule import TriggerRule

try:  # Airflow 2.x
    from airflow.operators.bash import BashOperator
except ImportError:  # Airflow 3: the standard provider
    from airflow.providers.standard.operators.bash import BashOperator

VAULT_BIN = os.environ.get("VAULT_BIN", "vault")
VAULT_PROJECT_DIR = os.environ.get("VAULT_PROJECT_DIR", "/opt/vault/project")
# the project's target-path (vault.yml, default .vault): run_results.json and manifest.json go there
VAULT_TARGET_PATH = os.path.join(VAULT_PROJECT_DIR, ".vault")
VAULT_TARGET = "prod"
TRINO_CONN_ID = "trino_prod"
# the variable the prod target's password-env names
PASSWORD_ENV = "VAULT_TRINO_PASSWORD"

# exit code 1: how many times Airflow reruns the whole `vault run` before `vault retry` takes over
# (a transient cause, e.g. an Iceberg commit conflict with another writer, passes on a rerun)
MODEL_FAILURE_RETRIES = 1

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


def vault_command(command: str, *args: str) -> str:
    """The CLI call: no password in it, ever; the target names the variable to read it from."""
    parts = [VAULT_BIN, command, "--target", VAULT_TARGET, "--log-format", "json",
             "--project-dir", VAULT_PROJECT_DIR, *args]
    return " ".join(shlex.quote(part) for part in parts)


def summarize(run_results: dict, exit_code: int) -> dict:
    """A small, JSON-serializable digest of run_results.json (schema vault/run-results/v1) for XCom."""
    statuses: dict[str, int] = {}
    for entry in run_results.get("results", []):
        statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
    tests: dict[str, int] = {}
    for test in run_results.get("tests", []):
        tests[test["status"]] = tests.get(test["status"], 0) + 1
    return {
        "command": run_results.get("command"),
        "invocation_id": run_results.get("invocation_id"),
        "started_at": run_results.get("started_at"),
        "elapsed_seconds": run_results.get("elapsed_seconds"),
        "target": run_results.get("target"),  # credentials already masked by vault
        "success": run_results.get("success"),
        "exit_code": exit_code,
        "models": statuses,
        "rows_written": sum(entry.get("rows_written") or 0 for entry in run_results.get("results", [])),
        "failed_models": [
            {"model": entry["model"], "status": entry["status"], "error": entry.get("error")}
            for entry in run_results.get("results", []) if entry["status"] in ("failed", "skipped")
        ],
        "tests": tests,
        "failed_tests": [
            {"test": test["name"], "model": test["model"], "failing_rows": test.get("failing_rows"), "error": test.get("error")}
            for test in run_results.get("tests", []) if test["status"] not in ("pass", "warn")
        ],
    }


class VaultCliOperator(BashOperator):
    """A BashOperator that maps vault's exit codes to Airflow's retry semantics and pushes a
    summary of run_results.json to XCom (``return_value`` on success, ``vault_summary`` always,
    ``vault_exit_code`` always). The JSON events on stdout go to the task log line by line."""

    def __init__(self, *, model_failure_retries: int = MODEL_FAILURE_RETRIES,
                 only_after_exit_code_of: tuple[str, int] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.model_failure_retries = model_failure_retries
        # (task_id, exit code): run only when that task failed with that code, else skip
        self.only_after_exit_code_of = only_after_exit_code_of

    def execute(self, context):
        ti = context["ti"]
        if self.only_after_exit_code_of is not None:
            task_id, code = self.only_after_exit_code_of
            upstream = ti.xcom_pull(task_ids=task_id, key="vault_exit_code")
            if upstream != code:
                raise AirflowSkipException(
                    f"{task_id} ended with exit code {upstream} ({EXIT_CODES.get(upstream, 'unknown')}), not {code}: nothing to retry")

        results_file = os.path.join(VAULT_TARGET_PATH, "run_results.json")
        before = os.stat(results_file).st_mtime_ns if os.path.exists(results_file) else None

        kwargs = {"cwd": self.cwd} if getattr(self, "cwd", None) else {}
        result = self.subprocess_hook.run_command(
            command=["bash", "-c", self.bash_command],
            env=self.get_env(context),  # the process env (append_env) plus the rendered `env`, password included
            output_encoding=self.output_encoding,
            **kwargs,
        )
        exit_code = result.exit_code
        ti.xcom_push(key="vault_exit_code", value=exit_code)

        # run_results.json is written by run, test and retry, also when they fail; an exit code 3
        # or 4 may come before anything ran, and then the file is an older command's
        summary = None
        if os.path.exists(results_file) and os.stat(results_file).st_mtime_ns != before:
            with open(results_file, encoding="utf-8") as file:
                summary = summarize(json.load(file), exit_code)
            ti.xcom_push(key="vault_summary", value=summary)

        if exit_code == 0:
            return summary

        message = f"vault exited with {exit_code}: {EXIT_CODES.get(exit_code, 'unknown exit code')}"
        last_event = self._last_event(result.output)
        if last_event.get("event") == "error":
            message += f"\n{last_event.get('message')}"
        elif summary and summary["failed_models"]:
            message += "\n" + "\n".join(f"{m['model']}: {m['error']}" for m in summary["failed_models"] if m["status"] == "failed")
        elif summary and summary["failed_tests"]:
            message += "\n" + "\n".join(f"{t['test']}: {t['failing_rows']} failing rows {t['error'] or ''}" for t in summary["failed_tests"])

        if exit_code not in RETRYABLE:
            raise AirflowFailException(message)  # no retries: a rerun gives the same answer
        if exit_code == 1 and ti.try_number > self.model_failure_retries:
            raise AirflowFailException(message + f"\n(failed {ti.try_number} times: handing over to `vault retry`)")
        raise AirflowException(message)  # retried after retry_delay, with exponential backoff

    @staticmethod
    def _last_event(line: str) -> dict:
        try:
            event = json.loads(line or "{}")
            return event if isinstance(event, dict) else {}
        except ValueError:
            return {}


default_args = {
    "owner": "data-platform",
    # used by exit code 4 (engine down, e.g. a cluster restart): 2, 4, 8, 16 minutes;
    # exit code 1 uses at most MODEL_FAILURE_RETRIES of them; other codes fail at once
    "retries": 4,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=20),
    "execution_timeout": timedelta(hours=2),
}

# the password, from the Airflow connection (or its secrets backend) into the environment only
vault_env = {PASSWORD_ENV: "{{ conn." + TRINO_CONN_ID + ".password }}"}

with DAG(
    dag_id="vault_leads",
    description="Data Vault loads (bronze -> silver -> gold) on Trino + Iceberg with vault",
    schedule="0 4 * * *",  # after the nightly bronze ingestion
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,  # loads of one vault must not overlap
    default_args=default_args,
    tags=["vault", "data-vault", "trino"],
    doc_md=__doc__,
) as dag:
    vault_run = VaultCliOperator(
        task_id="vault_run",
        bash_command=vault_command("run"),
        env=vault_env,
        append_env=True,  # keep PATH, JAVA_HOME, ... of the worker
    )

    vault_retry = VaultCliOperator(
        task_id="vault_retry",
        bash_command=vault_command("retry"),
        env=vault_env,
        append_env=True,
        trigger_rule=TriggerRule.ALL_FAILED,  # only when vault_run failed ...
        only_after_exit_code_of=("vault_run", 1),  # ... because a model failed (not 3 or 4)
        retries=0,
    )

    vault_test = VaultCliOperator(
        task_id="vault_test",
        bash_command=vault_command("test"),
        env=vault_env,
        append_env=True,
        trigger_rule=TriggerRule.ONE_SUCCESS,  # after vault_run, or after a successful vault_retry
    )

    vault_run >> [vault_retry, vault_test]
    vault_retry >> vault_test


# --- Variant: the same tasks as pods, with the image of examples/kubernetes/Dockerfile -------------
#
# from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
# from airflow.providers.cncf.kubernetes.secret import Secret
# from kubernetes.client import models as k8s
#
# # the password from the Kubernetes Secret 'vault-trino' (key 'password') into the variable
# trino_password = Secret(deploy_type="env", deploy_target=PASSWORD_ENV, secret="vault-trino", key="password")
#
# vault_run = KubernetesPodOperator(
#     task_id="vault_run",
#     name="vault-run",
#     namespace="data",
#     image="registry.example.com/vault:0.1.0",
#     # the image's entrypoint is the vault CLI; the project is baked in at /opt/vault/project
#     arguments=["run", "--target", "prod", "--log-format", "json", "--project-dir", "/opt/vault/project"],
#     secrets=[trino_password],
#     # keep .vault (run_results.json, for 'vault retry') on a volume shared by the pods:
#     # volumes=[k8s.V1Volume(name="vault-state", persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(claim_name="vault-state"))],
#     # volume_mounts=[k8s.V1VolumeMount(name="vault-state", mount_path="/opt/vault/project/.vault")],
#     container_resources=k8s.V1ResourceRequirements(requests={"cpu": "500m", "memory": "1Gi"}, limits={"memory": "2Gi"}),
#     get_logs=True,  # the JSON events, line by line, in the task log
#     on_finish_action="delete_pod",
# )
#
# The pod operator fails the task for any non-zero exit code and does not expose which one, so it
# cannot tell 1 from 3 from 4 by itself: either keep plain retries, or give the pod a small shell
# wrapper that copies run_results.json to /airflow/xcom/return.json (do_xcom_push=True) and read
# the exit code and summary downstream. skip_on_exit_code=3 would mark an invalid project as
# skipped rather than failed, which hides it: prefer failing and alerting.
