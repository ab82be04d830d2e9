"""`python -m benchmarks`: every ratio of the project, measured in one run."""

import sys

from benchmarks.analyses import run_analysis_benchmark
from benchmarks.export import run_export_benchmark
from benchmarks.pages import run_page_benchmarks
from tpt_model.bench.loader import run_benchmarks

quick = "--quick" in sys.argv
run_benchmarks(quick=quick)
run_page_benchmarks(quick=quick)
run_analysis_benchmark(quick=quick)
run_export_benchmark(quick=quick)
