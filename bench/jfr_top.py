"""Summarise `jfr print --events jdk.ExecutionSample` output: top self frames and inclusive share of key areas."""
import collections
import re
import sys

op = sys.argv[1] if len(sys.argv) > 1 else "?"
samples = []
current = None
for line in sys.stdin:
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        current = []
        samples.append(current)
    elif current is not None:
        m = re.match(r"\s+([\w$.<>/]+)\(.*line:", line)
        if m:
            current.append(m.group(1))
samples = [s for s in samples if s]
n = len(samples)
self_counts = collections.Counter(s[0] for s in samples)
# inclusive: a sample counts once for an area if any frame of the stack is in it (first match wins, in order)
areas = [
    ("SigV4 verify (dev.onair.sigv4)", lambda f: f.startswith("dev.onair.sigv4.")),
    ("credential resolution (IamCredentialResolver, access keys)", lambda f: "CredentialResolver" in f or "AccessKey" in f and "iam" in f),
    ("policy evaluation (dev.onair.policy + PolicyAuthorizer)", lambda f: f.startswith("dev.onair.policy.") or "PolicyAuthorizer" in f or "PrincipalPolicyResolver" in f),
    ("call observer / audit / metrics (CallObserver, monitoring)", lambda f: "CallObserver" in f or "ApiCallLog" in f or f.startswith("dev.onair.monitoring.") or "MonitoringCallObserver" in f),
    ("JDBC / H2 / Hikari", lambda f: f.startswith("org.h2.") or f.startswith("com.zaxxer.") or f.startswith("dev.onair.storage.")),
    ("protocol codecs (dev.onair.protocol)", lambda f: f.startswith("dev.onair.protocol.")),
    ("service handler (dev.onair.ivs/iam/sts)", lambda f: f.startswith("dev.onair.ivs.") or f.startswith("dev.onair.iam.") or f.startswith("dev.onair.sts.")),
    ("logging (logback/slf4j)", lambda f: f.startswith("ch.qos.logback.") or f.startswith("org.slf4j.")),
    ("Netty I/O", lambda f: f.startswith("io.netty.")),
]
print(f"JFR execution samples while loading {op}: {n} samples (Java threads on CPU; native/GC time not sampled)")
print()
print("Inclusive share (a sample counts for every area with a frame on its stack):")
for name, pred in areas:
    k = sum(1 for s in samples if any(pred(f) for f in s))
    print(f"  {100.0 * k / max(n, 1):5.1f}%  {name}")
print()
print("Top 25 self frames:")
for frame, k in self_counts.most_common(25):
    print(f"  {100.0 * k / max(n, 1):5.1f}%  {frame}")
# top 'first Onair frame' (the Onair method closest to the leaf)
onair = collections.Counter()
for s in samples:
    for f in s:
        if f.startswith("dev.onair."):
            onair[f] += 1
            break
print()
print("Top 15 innermost Onair frames:")
for frame, k in onair.most_common(15):
    print(f"  {100.0 * k / max(n, 1):5.1f}%  {frame}")
# database time by who asked for it: the nearest Onair frame outside dev.onair.storage above a storage frame
db_callers = collections.Counter()
for s in samples:
    for i, f in enumerate(s):
        if f.startswith("dev.onair.storage."):
            caller = next((g for g in s[i + 1:] if g.startswith("dev.onair.") and not g.startswith("dev.onair.storage.")), "?")
            db_callers[caller] += 1
            break
print()
print("Database samples by calling Onair frame (share of all samples):")
for frame, k in db_callers.most_common(12):
    print(f"  {100.0 * k / max(n, 1):5.1f}%  {frame}")
