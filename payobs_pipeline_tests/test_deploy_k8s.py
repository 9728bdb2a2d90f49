"""payobs on Kubernetes (deploy/, docs/scaling.md): the k8s executor, the Helm values, the image, the sizing.

No cluster, helm or Docker daemon is needed, and none is used: the definitions are loaded in a fresh interpreter
with PAYOBS_EXECUTOR=k8s, as a code server in a pod would load them; the chart's values and the Dockerfile are
read as files and checked against the chart's schema keys, payobs's settings and the lock; the run pod's
Kubernetes job is built by dagster-k8s itself from what the chart would configure; the sizing table is
recomputed from deploy/bench_figures.json. What stays unverified (the image built, the chart rendered and
installed, a run in a pod) is listed in docs/scaling.md.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from payobs_pipeline import settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VALUES = DEPLOY / "helm" / "values.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
SCALING = ROOT / "docs" / "scaling.md"

HAS_DAGSTER_K8S = importlib.util.find_spec("dagster_k8s") is not None
# The dev environment has the extra (`make install` syncs every extra); CI must never skip these.
needs_dagster_k8s = pytest.mark.skipif(
    not HAS_DAGSTER_K8S and not os.environ.get("CI"),
    reason="dagster-k8s (the optional `k8s` extra) is not installed: `uv sync --frozen --all-extras`")


def _sizing():
    spec = importlib.util.spec_from_file_location("payobs_deploy_sizing", DEPLOY / "sizing.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def _code_location(values: dict) -> dict:
    [deployment] = values["dagster-user-deployments"]["deployments"]
    return deployment


def _load_definitions(environment: dict, script: str) -> dict:
    """Run ``script`` in a fresh interpreter (definitions are assembled at import) and read its JSON answer."""
    env = {name: value for name, value in os.environ.items() if name != "PAYOBS_EXECUTOR"} | environment
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the executor ----------------------------------------------------------------------------------------


@needs_dagster_k8s
def test_with_payobs_executor_k8s_every_job_runs_its_steps_in_pods():
    answer = _load_definitions({"PAYOBS_EXECUTOR": "k8s"}, """
import json
import dagster as dg
from dagster_k8s import k8s_job_executor
from payobs_pipeline.definitions import defs
dg.Definitions.validate_loadable(defs)
defs.get_repository_def()
print(json.dumps({
    "jobs": {job.name: job.executor_def is k8s_job_executor for job in defs.resolve_all_job_defs()},
    "asset_job": defs.resolve_implicit_global_asset_job_def().executor_def is k8s_job_executor,
}))
""")
    assert answer["jobs"]["payobs_window_job"] is True  # the schedule's, the sensors' and `payobs materialize`'s
    assert all(answer["jobs"].values()), answer["jobs"]
    assert answer["asset_job"] is True  # what a backfill from the UI launches


def test_the_base_install_loads_the_definitions_without_dagster_k8s():
    # dagster-k8s made unimportable, as in an install without the `k8s` extra.
    answer = _load_definitions({}, """
import importlib.abc, json, sys
class NoDagsterK8s(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "dagster_k8s":
            raise ImportError("the k8s extra is not installed")
sys.meta_path.insert(0, NoDagsterK8s())
import dagster as dg
from payobs_pipeline.definitions import defs
dg.Definitions.validate_loadable(defs)
print(json.dumps({
    "default_executor": defs.resolve_job_def("payobs_window_job").executor_def is dg.multi_or_in_process_executor,
    "imported": "dagster_k8s" in sys.modules,
}))
""")
    assert answer == {"default_executor": True, "imported": False}


def test_payobs_executor_takes_k8s_or_nothing(monkeypatch):
    monkeypatch.delenv("PAYOBS_EXECUTOR", raising=False)
    assert settings.executor() is None
    monkeypatch.setenv("PAYOBS_EXECUTOR", " K8s ")
    assert settings.executor() == "k8s"
    monkeypatch.setenv("PAYOBS_EXECUTOR", "celery")
    with pytest.raises(ValueError, match="PAYOBS_EXECUTOR"):
        settings.executor()


# --- the Helm values ---------------------------------------------------------------------------------------

# Keys of Dagster's chart (dagster-io/dagster, helm/dagster/schema/schema/charts/dagster/values.py and
# subschema/global_.py, run_launcher.py, daemon.py, postgresql.py; dagster_user_deployments/subschema/
# user_deployments.py),
# transcribed here so that a misspelt key, which helm would silently ignore, fails this test.
CHART_TOP_LEVEL = {
    "dagsterWebserver", "dagster-user-deployments", "postgresql", "generatePostgresqlPasswordSecret",
    "generateCeleryConfigSecret", "rabbitmq", "redis", "flower", "ingress", "imagePullSecrets",
    "computeLogManager", "scheduler", "runLauncher", "pythonLogs", "dagsterDaemon", "busybox", "migrate",
    "telemetry", "serviceAccount", "global", "retention", "concurrency", "additionalInstanceConfig",
}
CHART_POSTGRESQL = {"postgresqlScheme", "image", "enabled", "postgresqlHost", "postgresqlUsername",
                    "postgresqlPassword", "postgresqlDatabase", "postgresqlParams", "service"}
CHART_USER_DEPLOYMENT = {
    "name", "image", "port", "dagsterApiGrpcArgs", "codeServerArgs", "includeConfigInLaunchedRuns",
    "deploymentNamespace", "env", "envConfigMaps", "envSecrets", "annotations", "nodeSelector", "affinity",
    "tolerations", "podSecurityContext", "securityContext", "resources", "livenessProbe", "readinessProbe",
    "startupProbe", "labels", "volumeMounts", "volumes", "schedulerName",
}
CHART_K8S_RUN_LAUNCHER = {
    "image", "imagePullPolicy", "jobNamespace", "loadInclusterConfig", "kubeconfigFile", "envConfigMaps",
    "envSecrets", "envVars", "volumeMounts", "volumes", "labels", "failPodOnRunFailure", "resources",
    "schedulerName", "securityContext", "runK8sConfig",
}
CHART_GLOBAL = {"postgresqlSecretName", "dagsterHome", "serviceAccountName", "celeryConfigSecretName",
                "dagsterInstanceConfigMap"}
CHART_USER_DEPLOYMENTS = {"enabled", "enableSubchart", "imagePullSecrets", "deployments"}
CHART_DAEMON = {
    "schedulerName", "volumeMounts", "volumes", "enabled", "image", "runCoordinator", "heartbeatTolerance", "env",
    "envConfigMaps", "envSecrets", "deploymentLabels", "labels", "nodeSelector", "affinity", "tolerations",
    "podSecurityContext", "securityContext", "resources", "livenessProbe", "readinessProbe", "startupProbe",
    "annotations", "runMonitoring", "runRetries", "sensors", "schedules",
}
CHART_RUN_COORDINATOR = {"enabled", "type", "config"}
CHART_QUEUED_RUN_COORDINATOR = {"maxConcurrentRuns", "tagConcurrencyLimits", "dequeueIntervalSeconds",
                                "dequeueNumWorkers", "dequeueUseThreads"}


def test_the_values_use_the_charts_own_keys():
    values = _values()
    assert set(values) <= CHART_TOP_LEVEL
    assert set(values["global"]) <= CHART_GLOBAL
    assert set(values["postgresql"]) <= CHART_POSTGRESQL
    assert set(values["dagster-user-deployments"]) <= CHART_USER_DEPLOYMENTS
    assert set(_code_location(values)) <= CHART_USER_DEPLOYMENT
    assert set(values["runLauncher"]) == {"type", "config"}
    assert set(values["runLauncher"]["config"]) == {"k8sRunLauncher"}
    assert set(values["runLauncher"]["config"]["k8sRunLauncher"]) <= CHART_K8S_RUN_LAUNCHER
    assert set(values["dagsterDaemon"]) <= CHART_DAEMON
    coordinator = values["dagsterDaemon"]["runCoordinator"]
    assert set(coordinator) <= CHART_RUN_COORDINATOR
    assert set(coordinator["config"]) == {"queuedRunCoordinator"}
    assert set(coordinator["config"]["queuedRunCoordinator"]) <= CHART_QUEUED_RUN_COORDINATOR


def test_each_run_gets_its_own_pod_sized_from_the_bench():
    values, sizing = _values(), _sizing()
    launcher = values["runLauncher"]
    assert launcher["type"] == "K8sRunLauncher"
    resources = launcher["config"]["k8sRunLauncher"]["resources"]
    assert resources == sizing.run_pod_resources(sizing.load_figures())
    assert resources["requests"]["cpu"] == resources["limits"]["cpu"] == "2"  # the bench's 2 cores
    # With includeConfigInLaunchedRuns the code location's resources would be merged over these.
    assert "resources" not in _code_location(values)


def test_the_daemon_queues_runs_and_never_runs_a_window_twice_at_once():
    daemon = _values()["dagsterDaemon"]
    assert daemon["enabled"] is True
    coordinator = daemon["runCoordinator"]
    assert coordinator["enabled"] is True and coordinator["type"] == "QueuedRunCoordinator"
    queued = coordinator["config"]["queuedRunCoordinator"]
    assert isinstance(queued["maxConcurrentRuns"], int) and queued["maxConcurrentRuns"] > 0
    assert {"key": "dagster/partition", "value": {"applyLimitPerUniqueValue": True}, "limit": 1} in \
        queued["tagConcurrencyLimits"]


def test_dagsters_instance_is_on_an_external_postgresql_with_the_psycopg2_driver():
    values = _values()
    postgresql = values["postgresql"]
    assert postgresql["enabled"] is False
    assert postgresql["postgresqlHost"] and postgresql["postgresqlDatabase"]
    # The password comes from an existing Secret, by name; the chart generates none and none is inlined.
    assert values["generatePostgresqlPasswordSecret"] is False
    assert values["global"]["postgresqlSecretName"]
    assert "postgresqlPassword" not in postgresql
    scheme = settings.psycopg2_url("postgresql://host/db").split("://")[0]
    assert postgresql["postgresqlScheme"] == scheme == "postgresql+psycopg2"


def test_the_code_location_serves_payobs_definitions_with_its_settings():
    values = _values()
    location = _code_location(values)
    workspace = yaml.safe_load((ROOT / "workspace.yaml").read_text(encoding="utf-8"))
    [entry] = workspace["load_from"]
    assert location["name"] == entry["python_module"]["location_name"]
    assert location["codeServerArgs"] == ["-m", entry["python_module"]["module_name"]]
    assert location["codeServerArgs"][1] == "payobs_pipeline.definitions"
    assert location["port"] == 3030
    assert location["includeConfigInLaunchedRuns"] == {"enabled": True}  # how run pods get env and secrets
    # Every variable it sets is one payobs reads (a misspelt one would be silently ignored).
    assert set(location["env"]) <= set(settings.VARIABLES), set(location["env"]) - set(settings.VARIABLES)
    assert {"PAYOBS_FIRST_WINDOW", "PAYOBS_BACKFILL_WINDOWS_PER_RUN", "PAYOBS_WAREHOUSE_SCHEMA"} <= \
        set(location["env"])
    assert all(isinstance(value, str) for value in location["env"].values())  # a ConfigMap holds strings


def test_secrets_are_referenced_by_name_never_inlined():
    values = _values()
    location = _code_location(values)
    secret_names = [secret["name"] for secret in location["envSecrets"]]
    assert secret_names == ["payobs-secrets"]
    secret_or_url = set(settings.SECRET_VARIABLES) | set(settings.DATABASE_VARIABLES.values())
    assert not secret_or_url & set(location["env"])
    text = VALUES.read_text(encoding="utf-8")
    assert not re.search(r"://[^\s/@]*:[^\s/@]+@", text), "a URL with a password"
    assert not re.search(r"\bsk-[A-Za-z0-9]{8,}", text), "an API key"
    # docs/scaling.md says how to make that Secret, with the keys the code reads.
    scaling = SCALING.read_text(encoding="utf-8")
    for name in ("PAYOBS_LAKE_URL", "PAYOBS_WAREHOUSE_URL", "OPENAI_API_KEY"):
        assert re.search(rf"payobs-secrets[^`]*{name}=", scaling, re.S), name


KUBECONFIG = """
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
"""


@needs_dagster_k8s
def test_a_run_pod_gets_the_secret_the_settings_and_the_bench_sized_resources(tmp_path):
    """dagster-k8s's own K8sRunLauncher builds a run's Kubernetes Job from what the chart configures with these
    values: the launcher's config as the chart's dagsterYaml.runLauncher.k8s template writes it, and the code
    location's container context as its dagsterUserDeployments.k8sContainerContext template passes it
    (includeConfigInLaunchedRuns). No cluster is contacted: the Job is built, not created."""
    from dagster._core.code_pointer import ModuleCodePointer
    from dagster._core.origin import JobPythonOrigin, RepositoryPythonOrigin
    from dagster._core.storage.dagster_run import DagsterRun
    from dagster_k8s import K8sRunLauncher
    from dagster_k8s.job import construct_dagster_k8s_job

    values = _values()
    location = _code_location(values)
    launcher_values = values["runLauncher"]["config"]["k8sRunLauncher"]
    (tmp_path / "kubeconfig").write_text(KUBECONFIG, encoding="utf-8")
    launcher = K8sRunLauncher(
        service_account_name="payobs-dagster", instance_config_map="payobs-dagster-instance",
        postgres_password_secret=values["global"]["postgresqlSecretName"], dagster_home="/opt/dagster/dagster_home",
        load_incluster_config=False, kubeconfig_file=str(tmp_path / "kubeconfig"), job_namespace="payobs",
        image_pull_policy="Always", resources=launcher_values["resources"])
    image = f"{location['image']['repository']}:{location['image']['tag']}"
    location_context = {
        "image_pull_policy": location["image"]["pullPolicy"],
        "env_config_maps": [f"payobs-dagster-user-deployments-{location['name']}-user-env"],
        "env_secrets": [secret["name"] for secret in location["envSecrets"]],
        "namespace": "payobs", "service_account_name": "payobs-dagster-user-deployments",
        "run_k8s_config": {"pod_spec_config": {"automount_service_account_token": True}},
    }

    def run_pod(location_context: dict) -> dict:
        origin = JobPythonOrigin("payobs_window_job", RepositoryPythonOrigin(
            executable_path="python", code_pointer=ModuleCodePointer("payobs_pipeline.definitions", "defs", None),
            container_image=image, entry_point=["dagster"], container_context={"k8s": location_context}))
        run = DagsterRun(job_name="payobs_window_job", run_id="0f1e2d3c-0000-4000-8000-000000000001",
                         job_code_origin=origin)
        context = launcher.get_container_context_for_run(run)
        job = construct_dagster_k8s_job(
            context.get_k8s_job_config(job_image=image, run_launcher=launcher),
            args=["dagster", "api", "execute_run"], job_name="dagster-run-0f1e2d3c",
            user_defined_k8s_config=context.run_k8s_config).to_dict()
        [container] = job["spec"]["template"]["spec"]["containers"]
        return container

    container = run_pod(location_context)
    assert container["image"] == image
    sized = {key: container["resources"][key] for key in ("requests", "limits")}
    assert sized == launcher_values["resources"]  # the bench's size
    secrets = [source["secret_ref"]["name"] for source in container["env_from"] if source["secret_ref"]]
    config_maps = [source["config_map_ref"]["name"] for source in container["env_from"] if source["config_map_ref"]]
    assert "payobs-secrets" in secrets
    assert "payobs-dagster-user-deployments-payobs-user-env" in config_maps  # the location's env: PAYOBS_*
    # Dagster's instance password, from the Secret the values name.
    assert any(variable["name"] == "DAGSTER_PG_PASSWORD"
               and variable["value_from"]["secret_key_ref"]["name"] == values["global"]["postgresqlSecretName"]
               for variable in container["env"])
    # Why the code location sets no resources: the chart would pass them in its container context, and they
    # would replace the launcher's on every run pod.
    code_server_sized = {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "500m", "memory": "512Mi"}}
    container = run_pod(location_context | {"resources": code_server_sized})
    assert {key: container["resources"][key] for key in ("requests", "limits")} == code_server_sized


# --- the image ---------------------------------------------------------------------------------------------


def test_the_image_installs_payobs_and_the_k8s_extra_from_the_lock():
    text = DOCKERFILE.read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    instructions = re.sub(r"\\\n\s*", " ", code)  # continuation lines joined
    assert re.search(r"^FROM python:3\.1[12]-slim$", instructions, re.M)
    assert re.search(r"^COPY pyproject\.toml uv\.lock ", instructions, re.M)
    syncs = re.findall(r"^RUN uv sync (.*)$", instructions, re.M)
    assert syncs and all({"--frozen", "--no-dev", "--extra", "k8s"} <= set(sync.split()) for sync in syncs)
    assert "--no-install-project" not in syncs[-1].split()  # the last one installs payobs itself
    makefile_uv = re.search(r"^UV_VERSION := (\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert f"ARG UV_VERSION={makefile_uv.group(1)}" in instructions
    [cmd] = re.findall(r"^CMD (\[.*\])$", instructions, re.M)
    assert json.loads(cmd) == ["dagster", "code-server", "start", "-h", "0.0.0.0", "-p", "3030",
                               "-m", "payobs_pipeline.definitions", "--location-name", "payobs"]
    # No secret baked in: no variable holding one is set or taken as a build argument.
    for name in (*settings.SECRET_VARIABLES, *settings.DATABASE_VARIABLES.values()):
        assert name not in instructions


def test_the_build_context_leaves_out_local_environments_and_data():
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", ".payobs", ".tools", ".git"} <= set(ignored)


def test_the_k8s_extra_is_locked_at_the_dagster_release_payobs_pins():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'k8s = ["dagster-k8s==0.29.27"]' in pyproject
    assert '"dagster-postgres==0.29.27"' in pyproject  # the same integration release line
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    assert re.search(r'\[\[package\]\]\nname = "dagster-k8s"\nversion = "0\.29\.27"', lock)
    assert "--all-extras" in (ROOT / "Makefile").read_text(encoding="utf-8")


# --- sizing (docs/scaling.md) ---------------------------------------------------------------------------------


def test_the_sizing_arithmetic():
    sizing = _sizing()
    figures = {"rows_per_s": 1000, "bytes_per_row": 2000, "peak_rss_mb": 300}
    # 1M rows a day: 500,000 a window, 500 s each; 7 windows fit an hour (3,500 s), so 60 windows need 9 pods.
    small = sizing.size(1_000_000, figures)
    assert (small.rows_per_window, small.window_s, small.windows_per_run, small.pods, small.backfill_s) == \
        (500_000, 500.0, 7, 9, 3500.0)
    assert small.database_rows_per_s == 9000 and small.warehouse_bytes_per_day == 2e9 and small.within_budget
    # 10M a day: one window takes 5,000 s, over the hour on its own: one window per run, 60 pods, not in budget.
    large = sizing.size(10_000_000, figures)
    assert (large.windows_per_run, large.pods, large.backfill_s, large.within_budget) == (1, 60, 5000.0, False)
    # 100 rows a day: every window fits one run on one pod.
    tiny = sizing.size(100, figures)
    assert (tiny.windows_per_run, tiny.pods) == (60, 1)
    assert sizing.pod_memory_mi(300) == (512, 1024)     # 450 MiB rounded up to 512
    assert sizing.pod_memory_mi(700) == (1280, 2560)    # 1,050 MiB rounded up to 1,280
    assert sizing.run_pod_resources({"peak_rss_mb": 700}) == {
        "requests": {"cpu": "2", "memory": "1280Mi"}, "limits": {"cpu": "2", "memory": "2560Mi"}}


def test_a_bench_run_replaces_the_pipeline_figures_and_keeps_the_measured_bytes():
    sizing = _sizing()
    before = {"provisional": True, "rows_per_s": 2750, "bytes_per_row": 3871, "peak_rss_mb": 220,
              "measured": "then", "machine": "m", "commit": "c", "how": {"bytes_per_row": "measured apart"}}
    output = "seeding...\nparsed_payloads 4.2 s\n" + json.dumps({
        "rows": 1000000, "total_s": 40.04, "rows_per_s": 24975.0, "floor_s": 19.0, "peak_rss_mb": 611.4,
        "commit": "abc1234", "python": "3.11.7", "cpu_count": 2})
    after = sizing.figures_from_bench(before, output, "2026-12-01")
    assert after == {
        "provisional": False, "rows_per_s": 24975, "bytes_per_row": 3871, "peak_rss_mb": 611,
        "measured": "2026-12-01", "machine": "2 cores, Python 3.11.7", "commit": "abc1234",
        "how": {"bytes_per_row": "measured apart",
                "rows_per_s": "payobs bench --rows 1000000 --json (40.0 s end to end)",
                "peak_rss_mb": "payobs bench --rows 1000000 --json (40.0 s end to end)"}}
    assert sizing.run_pod_resources(after)["limits"]["memory"] == "2Gi"  # 611 x 1.5 = 917 -> 1,024 MiB, x 2


def test_the_scaling_doc_holds_the_table_of_the_committed_bench_figures():
    sizing = _sizing()
    figures = sizing.load_figures()
    assert {"rows_per_s", "bytes_per_row", "peak_rss_mb", "measured", "machine", "commit"} <= set(figures)
    document = SCALING.read_text(encoding="utf-8")
    assert sizing.current_block(document) == sizing.render(figures), \
        "docs/scaling.md is stale: python deploy/sizing.py --write"
    # One row per daily volume of the brief, 12-hour windows.
    rows = [line for line in sizing.current_block(document).splitlines() if re.match(r"\| \d", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["1M", "10M", "100M", "1B"]
    assert [row.split("|")[2].strip() for row in rows] == ["500k", "5M", "50M", "500M"]
