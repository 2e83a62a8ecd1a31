# JupyterLab for `make lab`: notebooks are saved without outputs (the committed notebooks stay clean;
# the `# NBVAL_CHECK_OUTPUT` cells keep their expected output). See lib/ogi/nbstrip.py.
from ogi.nbstrip import jupyter_pre_save

c = get_config()  # type: ignore[name-defined]  # noqa: F821
c.FileContentsManager.pre_save_hook = jupyter_pre_save
