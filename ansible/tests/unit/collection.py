# Makes the collection importable as ansible_collections.berth.fleet from this checkout, as an installed one is.
import atexit
import os
import shutil
import sys
import tempfile

COLLECTION = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
_ROOT = tempfile.mkdtemp(prefix='berth-fleet-tests-')
os.makedirs(os.path.join(_ROOT, 'ansible_collections', 'berth'))
os.symlink(COLLECTION, os.path.join(_ROOT, 'ansible_collections', 'berth', 'fleet'))
sys.path.insert(0, _ROOT)
PATH = _ROOT
atexit.register(shutil.rmtree, _ROOT, True)
