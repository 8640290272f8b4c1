"""Runs a generated host driver's IBM Runtime path (qiskit-ibm-runtime's
EstimatorV2, circuits mapped to the device by Qiskit's preset pass manager,
observables moved to the chosen layout) on one of qiskit-ibm-runtime's fake
devices without its noise model, so that the outputs must agree with the
simulator's within shot noise. The driver's own arguments follow `--`:

  run_on_fake_device.py DRIVER.py --device fake_kolkata -- --data ... --shots N
"""

import argparse
import importlib.util
import sys
import warnings

ours, driver_args = sys.argv[1:], []
if "--" in ours:
    at = ours.index("--")
    ours, driver_args = ours[:at], ours[at + 1:]
parser = argparse.ArgumentParser()
parser.add_argument("driver")
parser.add_argument("--device", required=True)
args = parser.parse_args(ours)

spec = importlib.util.spec_from_file_location("host_driver", args.driver)
driver = importlib.util.module_from_spec(spec)
spec.loader.exec_module(driver)
device_backend = driver.ibm_backend


def noiseless(name):
    from qiskit_aer import AerSimulator
    device = device_backend(name)
    simulator = AerSimulator.from_backend(device)
    simulator.set_options(noise_model=None)
    return simulator


driver.ibm_backend = noiseless
sys.argv = [args.driver, "--backend", args.device] + driver_args
# qiskit-ibm-runtime announces EstimatorV2's successor on every use.
warnings.filterwarnings("ignore", category=DeprecationWarning)
driver.main()
