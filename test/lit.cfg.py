# lit configuration for qruc's compiler tests.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "qruc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".qru", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "unittests", "Inputs"]

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.qruc_obj_root, "test")

config.substitutions.append(("%examples", os.path.join(config.qruc_src_root, "examples")))
config.substitutions.append(("%PYTHON", config.python_executable))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(
    ["qruc", "qruc-opt", "qruc-translate"], [config.qruc_tools_dir])
