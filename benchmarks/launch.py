"""Run one command and write what wait4 says of it, and only of it, to a JSON file.

    python -I -S benchmarks/launch.py REPORT COMMAND...

Linux carries the peak resident set of the process that starts a command into the command's
own peak (exec records the starting process's high-water mark), so wait4 in the benchmark
would report at least the benchmark's own peak for every command it runs: 300 MiB for
`/bin/true` started by a process that once held 300 MiB. Started from this small process
(about 10 MiB), a command's peak is its own. The exit code is the command's.
"""

import json
import os
import subprocess
import sys
import time


def main() -> int:
    report, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    facts = {
        "seconds": seconds,
        "peak_kib": usage.ru_maxrss,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "returncode": code,
    }
    with open(report, "w", encoding="utf-8") as out:
        json.dump(facts, out)
    return code if code >= 0 else 128 - code  # killed by signal n: 128 + n, as shells say


if __name__ == "__main__":
    sys.exit(main())
