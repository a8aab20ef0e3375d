"""The fast path of `parse_yaml` gives what the full conversion gives, positions included."""

from __future__ import annotations

import yaml

from generator.content import yamlsource
from generator.content.frontmatter import split_front_matter
from generator.devtools.synth import synthesize


def test_plain_documents_match_the_full_conversion() -> None:
    files = synthesize(centers=4, practices=40, seed=7)
    checked = 0
    for rel, text in files.items():
        if rel.endswith(".md"):
            split, _ = split_front_matter(text, rel)
            assert split is not None
            text, offset = split.yaml_text, split.yaml_line_offset
        elif rel.endswith(".yml"):
            offset = 0
        else:
            continue
        fast, problems = yamlsource.parse_yaml(text, rel, line_offset=offset)
        node = yaml.compose(text, Loader=yamlsource._Loader)
        assert fast is not None and node is not None and problems == []
        full, full_problems = yamlsource._convert(node, text, rel, offset)
        assert full_problems == []
        assert fast.value == full.value and fast.start == full.start
        assert fast.value_at == full.value_at
        assert fast.key_at == full.key_at
        assert fast.raw_at == full.raw_at
        checked += 1
    assert checked == len(files)
