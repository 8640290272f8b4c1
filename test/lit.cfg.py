# lit configuration for qruc's compiler tests.
import os
import shutil
import sys

import lit.formats
from lit.llvm import llvm_config

config.name = "qruc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".qru", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "unittests", "Inputs"]

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.qruc_obj_root, "test")

config.substitutions.append(("%examples", os.path.join(config.qruc_src_root, "examples")))
# The site config may not name a Python; lit's own interpreter does as well.
config.substitutions.append(
    ("%PYTHON", getattr(config, "python_executable", sys.executable)))

# The dialect reference test regenerates docs/dialect.md's generated part with
# the mlir-tblgen and MLIR headers the build uses.
config.substitutions.append(("%qruc_src", config.qruc_src_root))
config.substitutions.append(
    ("%mlir_tblgen", os.path.join(config.llvm_tools_dir, "mlir-tblgen")))
config.substitutions.append(
    ("%mlir_include",
     getattr(config, "mlir_include_dir",
             os.path.join(os.path.dirname(config.llvm_tools_dir), "include"))))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(
    ["qruc", "qruc-opt", "qruc-translate"], [config.qruc_tools_dir])

# The SVG rendering test needs an SVG to PNG converter.
if shutil.which("rsvg-convert"):
    config.available_features.add("rsvg-convert")

# The interop tests (test/Interop) run Qiskit and Aer from the venv that
# scripts/install-interop.sh creates in the build tree. Without it they fail,
# saying so, rather than pass unchecked.
interop_python = os.path.join(config.qruc_obj_root, "interop-venv", "bin", "python")
if not os.path.exists(interop_python):
    interop_python = ("%s -c \"import sys; sys.exit('no interop venv at %s: run "
                      "scripts/install-interop.sh')\"" % (sys.executable, interop_python))
config.substitutions.append(("%interop_python", interop_python))
config.substitutions.append(
    ("%interop", os.path.join(config.qruc_src_root, "test", "Interop", "Inputs")))
