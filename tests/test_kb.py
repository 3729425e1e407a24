"""Tests of the bilingual knowledge base: packaged data, schema, loader, generated variants, checks, search."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from sinoscope.kb.check import ERROR, WARNING, check_kb, errors
from sinoscope.kb.load import KBError, KnowledgeBase, load_kb, parse_entries
from sinoscope.kb.model import ENTITY_TYPES, Entity, SchemaError, entity_from_mapping


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _packaged_yaml() -> list[tuple[str, str]]:
    data_dir = resources.files("sinoscope.kb").joinpath("data")
    return sorted((f.name, f.read_text(encoding="utf-8")) for f in data_dir.iterdir() if f.name.endswith(".yaml"))


def _ids(entities: list[Entity]) -> list[str]:
    return [e.id for e in entities]


# -- packaged data ------------------------------------------------------------------------------------------
def test_packaged_kb_has_no_errors_and_enough_entities(kb: KnowledgeBase) -> None:
    problems = check_kb(kb)
    assert errors(problems) == [], "\n".join(map(str, errors(problems)))
    assert len(kb) >= 450
    assert {e.type for e in kb} == ENTITY_TYPES


def test_every_packaged_entry_fits_the_schema() -> None:
    files = _packaged_yaml()
    assert len(files) >= 8
    seen_ids: dict[str, str] = {}
    for name, text in files:
        entries = yaml.safe_load(text)
        assert isinstance(entries, list), name
        for raw in entries:
            # An unquoted comma in a flow mapping yields a key with a null value: reject those explicitly.
            assert all(value is not None for value in raw.values()), f"{name}: {raw.get('id')}: null field"
            entity = entity_from_mapping(raw, name)
            assert entity.id not in seen_ids, f"{entity.id} in {name} and {seen_ids.get(entity.id)}"
            seen_ids[entity.id] = name


@pytest.mark.parametrize(
    "entity_id",
    [
        "nvidia",
        "tsmc",
        "deepseek",
        "moonshot_ai",
        "zhipu_ai",
        "qwen",
        "kimi_k2_thinking",
        "ascend_910c",
        "nvidia_h20",
        "bis",
        "mofcom",
        "cac",
        "scsp",
        "aspi",
        "hurun",
        "nature",
        "caixin",
        "stargate",
        "ai_plus",
        "genesis_mission",
        "jensen_huang",
        "sam_altman",
        "lin_junyang",
        "liang_wenfeng",
        "xi_jinping",
        "shenzhen",
    ],
)
def test_core_entities_present(kb: KnowledgeBase, entity_id: str) -> None:
    assert entity_id in kb


def test_chinese_persons_and_orgs_mostly_have_chinese_names(kb: KnowledgeBase) -> None:
    chinese = [e for e in kb if e.country == "CN" and e.contract_type in {"person", "org"}]
    missing = [e.id for e in chinese if not e.name_zh]
    assert len(missing) <= len(chinese) // 20, missing


# -- schema -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"id": "x1", "type": "org", "name": "X", "alias": ["Y"]}, "unknown keys"),
        ({"id": "x1", "type": "company", "name": "X"}, "unknown type"),
        ({"id": "Bad Id", "type": "org", "name": "X"}, "slug"),
        ({"id": "x1", "type": "org", "name": "X", "country": "usa"}, "country"),
        ({"id": "x1", "type": "org", "name": "X", "year": "2020"}, "year"),
        ({"id": "x1", "type": "org", "name": "X", "aliases": "Y"}, "list"),
        ({"id": "p1", "type": "person", "name": "P", "affiliations": [{"org": "x", "title": "CEO"}]}, "affiliation"),
        (["not", "a", "mapping"], "mapping"),
        ({"id": "o1", "type": "outlet", "name": "O", "outlet_type": "tabloid"}, "outlet_type"),
    ],
)
def test_schema_violations_are_rejected(raw: object, fragment: str) -> None:
    with pytest.raises(SchemaError, match=fragment):
        entity_from_mapping(raw, "sample.yaml")


def test_numeric_names_are_read_as_strings() -> None:
    entity = entity_from_mapping({"id": "n360", "type": "org", "name": 360, "aliases": [2025]})
    assert entity.name == "360" and entity.aliases == ("2025",)


def test_parse_entries_reports_bad_yaml_and_shapes() -> None:
    assert parse_entries("", "empty.yaml") == []
    with pytest.raises(KBError):
        parse_entries("- {id: a, type: org, name: [unclosed", "broken.yaml")
    with pytest.raises(KBError, match="list"):
        parse_entries("id: a\ntype: org\n", "notalist.yaml")
    with pytest.raises(KBError, match="unknown keys"):
        parse_entries("- {id: a, type: org, name: Foo, Bar}\n", "comma.yaml")


# -- model and relations ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entity_id", "contract_type"),
    [
        ("jensen_huang", "person"),
        ("nvidia", "org"),
        ("bis", "org"),
        ("reuters", "org"),
        ("nvidia_h20", "product"),
        ("qwen", "product"),
        ("doubao", "product"),
        ("beijing", "place"),
        ("stargate", "other"),
        ("chips_act", "other"),
    ],
)
def test_contract_types(kb: KnowledgeBase, entity_id: str, contract_type: str) -> None:
    assert kb[entity_id].contract_type == contract_type


def test_relations(kb: KnowledgeBase) -> None:
    assert kb.maker_of("qwen").id == "alibaba"
    assert kb.maker_of("ascend_910b").id == "huawei"
    assert kb.maker_of("nvidia") is None and kb.maker_of("no_such_id") is None
    assert "deepseek_r1" in _ids(kb.products_of("deepseek"))
    assert kb.parent_of("aws").id == "amazon"
    orgs = {org.id: aff for aff, org in kb.affiliations_of("jensen_huang")}
    assert orgs["nvidia"].since == 1993 and orgs["nvidia"].is_current
    assert "jensen_huang" in [p.id for p, _ in kb.people_of("nvidia", current_only=True)]
    former = [p.id for p, a in kb.people_of("intel") if not a.is_current]
    assert "pat_gelsinger" in former
    assert kb.affiliations_of("no_such_person") == []


# -- generated variants -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("surface", "entity_id"),
    [
        ("萨姆-奥特曼", "sam_altman"),
        ("萨姆•奥特曼", "sam_altman"),
        ("萨姆奥特曼", "sam_altman"),
        ("萨姆‧奥特曼", "sam_altman"),
        ("薩姆·奧特曼", "sam_altman"),
        ("埃隆马斯克", "elon_musk"),
        ("馬斯克", "elon_musk"),  # Traditional form typed nowhere in the YAML
        ("黃仁勳", "jensen_huang"),
        ("輝達", "nvidia"),
        ("英偉達", "nvidia"),
        ("臺積電", "tsmc"),
        ("深度求索", "deepseek"),
        ("月之暗面", "moonshot_ai"),
        ("書生浦語", "internlm"),
        ("GPT 4o", "gpt_4o"),
        ("Kimi-K2", "kimi_k2"),
        ("ＮＶＩＤＩＡ", "nvidia"),  # full-width Latin folds through NFKC
    ],
)
def test_lookup_of_generated_variants(kb: KnowledgeBase, surface: str, entity_id: str) -> None:
    assert entity_id in _ids(kb.lookup(surface))


def test_generated_variants_are_not_typed_in_yaml(kb: KnowledgeBase) -> None:
    declared = {n for e in kb for n in e.declared_names}
    generated = {r.text for r in kb.surface_records() if r.kind == "generated"}
    assert "萨姆-奥特曼" in generated and "萨姆-奥特曼" not in declared
    assert "馬斯克" in generated and "馬斯克" not in declared


def test_surface_forms_are_clean_and_cover_every_entity(kb: KnowledgeBase) -> None:
    pairs = list(kb.surface_forms())
    assert len(pairs) == len(set(pairs))
    assert all(text.strip() == text and text for text, _ in pairs)
    owners = {entity_id for _, entity_id in pairs}
    assert owners == {e.id for e in kb}
    ambiguous = {r.text for r in kb.surface_records() if r.ambiguous and r.entity_id == "meta"}
    assert "Meta" in ambiguous


# -- search -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["nvidia", "NVIDIA", "輝達", "英伟达", "Nvidea"])
def test_search_finds_nvidia(kb: KnowledgeBase, query: str) -> None:
    hits = kb.search(query, limit=5)
    assert hits and hits[0].entity.id == "nvidia"
    assert hits[0].entity.name_zh == "英伟达"


def test_search_across_scripts(kb: KnowledgeBase) -> None:
    assert kb.search("通義千問")[0].entity.id == "qwen"
    assert kb.search("deepseek r1")[0].entity.id == "deepseek_r1"
    assert kb.search("Sam Altman", limit=1)[0].entity.id == "sam_altman"
    assert len(kb.search("Qwen", limit=3)) == 3


@pytest.mark.parametrize("query", ["", "   ", "\u200b", "🤖" * 50, "a" * 20000, "\x00\ufffd"])
def test_search_and_lookup_survive_odd_input(kb: KnowledgeBase, query: str) -> None:
    assert isinstance(kb.search(query), list)
    assert isinstance(kb.lookup(query), list)
    assert kb.search("nvidia", limit=0) == []


# -- checks on synthetic data -------------------------------------------------------------------------------
def _kb_from(text: str) -> KnowledgeBase:
    return KnowledgeBase(parse_entries(text, "sample.yaml"))


def test_check_reports_each_kind_of_problem() -> None:
    sample = """
- {id: acme, type: org, name: Acme Robotics, name_zh: 艾克米, aliases: [Acme], country: CN}
- {id: acme, type: org, name: Acme Again}
- {id: zeta, type: org, name: Zeta Labs, aliases: [Acme], country: US}
- {id: bolt, type: model, name: Bolt One, maker: nowhere}
- {id: wu, type: person, name: Wu Sample, country: CN, affiliations: [{org: acme, since: 2024, until: 2020}]}
- {id: blank, type: org, name: " "}
- {id: latin, type: org, name: Latin, name_zh: Latin}
- {id: harbour_daily, type: outlet, name: Harbour Daily, country: AU}
- {id: typed_org, type: org, name: Typed Org, outlet_type: us}
"""
    problems = check_kb(_kb_from(sample))
    by_entity = {(p.severity, p.entity_id) for p in problems}
    messages = " | ".join(p.message for p in problems)
    assert (ERROR, "acme") in by_entity and "defined 2 times" in messages
    assert (ERROR, "zeta") in by_entity and "also names acme" in messages
    assert (ERROR, "bolt") in by_entity and "unknown id 'nowhere'" in messages
    assert (ERROR, "wu") in by_entity and "ends before it starts" in messages
    assert (WARNING, "wu") in by_entity  # Chinese person without a Chinese name
    assert (ERROR, "blank") in by_entity
    assert (ERROR, "latin") in by_entity and "no Chinese characters" in messages
    assert (ERROR, "harbour_daily") in by_entity and "without an outlet_type" in messages
    assert (ERROR, "typed_org") in by_entity and "only outlets have an outlet_type" in messages


def test_every_outlet_has_its_kind(kb: KnowledgeBase) -> None:
    kinds = {e.id: e.outlet_type for e in kb.by_type("outlet")}
    assert kinds["xinhua"] == "prc_state" and kinds["caixin"] == "prc_commercial"
    assert kinds["scmp"] == "hk_tw" and kinds["nyt"] == "us" and kinds["bbc"] == "western"
    assert kinds["nikkei"] == "other" and None not in kinds.values()


def test_shared_name_is_allowed_when_every_claimant_marks_it_ambiguous() -> None:
    sample = """
- {id: one, type: org, name: One Corp, aliases: [Nimbus], ambiguous: [Nimbus]}
- {id: two, type: model, name: Two Model, aliases: [Nimbus], ambiguous: [Nimbus]}
- {id: three, type: org, name: Three Corp, aliases: [Cirrus], ambiguous: [Cirrus]}
- {id: four, type: org, name: Four Corp, aliases: [Cirrus]}
"""
    problems = check_kb(_kb_from(sample))
    assert not [p for p in problems if p.entity_id in {"one", "two"}]
    assert {p.entity_id for p in errors(problems)} == {"three", "four"}


def test_clash_through_generated_traditional_form_is_a_warning() -> None:
    sample = """
- {id: simp, type: org, name: Simp, name_zh: 发达}
- {id: trad, type: org, name: Trad, aliases: [發達]}
"""
    problems = check_kb(_kb_from(sample))
    assert problems and all(p.severity == WARNING for p in problems)


# -- loading ------------------------------------------------------------------------------------------------
def test_load_kb_accepts_user_yaml_and_caches(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- {id: sample_lab, type: org, name: Sample Lab (fictional), name_zh: 样例实验室, country: CN}\n",
        encoding="utf-8",
    )
    extended = load_kb([extra])
    assert "sample_lab" in extended and "nvidia" in extended
    assert extended is load_kb([extra])
    assert load_kb() is load_kb()
    assert "sample_lab" not in load_kb()
    assert "sample_lab" in _ids(extended.lookup("樣例實驗室"))
    folder_kb = load_kb([tmp_path], include_packaged=False)
    assert _ids(list(folder_kb)) == ["sample_lab"]
    with pytest.raises(KBError):
        load_kb([tmp_path / "missing.yaml"])
