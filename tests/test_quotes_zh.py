"""Chinese quotes: constructions, speakers and extents (sample sentences written for these tests; the people,
companies and outlets in them are fictional)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.pipeline import Pipeline

HEAD = "样例标题：虚构公司的一天\n\n"
TAIL = "\n\n这是一段普通的正文，用来结束这篇样例文章。\n\n另一段普通的正文，没有任何引语。\n"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def quotes_of(body: str, pipeline: Pipeline) -> list:
    text = HEAD + body + TAIL
    quotes = analyze_text(text, pipeline=pipeline).layers["quotes"]
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def named(quotes: list) -> list:
    return [q for q in quotes if q.speaker]


@pytest.mark.parametrize("cue", ["称", "指出", "坦言", "表示", "说", "认为", "强调", "透露"])
def test_name_and_cue(pipeline, cue):
    quotes = named(quotes_of(f"星河科技首席执行官张维{cue}，公司明年将在三个城市开设研发中心。", pipeline))
    assert len(quotes) == 1
    assert quotes[0].speaker == "张维" and quotes[0].cue == cue
    assert quotes[0].text == "公司明年将在三个城市开设研发中心"


def test_call_on_needs_a_clause(pipeline):
    quotes = named(quotes_of("张维呼吁，各家企业应当公开模型的训练数据来源。\n\n张维呼吁更多的企业。", pipeline))
    assert [q.text for q in quotes] == ["各家企业应当公开模型的训练数据来源"]


def test_in_x_view(pipeline):
    quotes = named(quotes_of("在林海看来，开源模型会让小公司更快追上大公司。", pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "林海"
    assert quotes[0].text == "开源模型会让小公司更快追上大公司"


@pytest.mark.parametrize("verb", ["介绍", "透露", "测算"])
def test_according_to_a_person(pipeline, verb):
    quotes = named(quotes_of(f"据星河科技研发总监王建国{verb}，新芯片的功耗比上一代低三成。", pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "王建国"
    assert quotes[0].text == "新芯片的功耗比上一代低三成"


def test_according_to_data_is_a_citation(pipeline):
    assert named(quotes_of("据虚构统计局数据，去年全市的算力规模增长了一倍。", pipeline)) == []
    assert named(quotes_of("数据显示，去年全市的算力规模增长了一倍。", pipeline)) == []


def test_survey_speaks_for_its_publisher(pipeline):
    quotes = named(quotes_of("星河研究院的一项调查显示，七成受访企业计划明年增加算力投入。", pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "星河研究院"


def test_says_it_bluntly_with_a_colon(pipeline):
    quotes = named(quotes_of("谈到价格战，林海说得很直接：“谁先降价，谁就先赢得开发者。”", pipeline))
    assert len(quotes) == 1 and quotes[0].kind == "direct" and quotes[0].speaker == "林海"
    assert quotes[0].text == "谁先降价，谁就先赢得开发者"


def test_name_and_colon_open_a_paragraph(pipeline):
    body = "专家点评\n\n苏明远（虚构大学计算机系教授）：大模型的竞争最终是数据和工程能力的竞争。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "苏明远"
    assert quotes[0].text.startswith("大模型的竞争最终是")


def test_quote_before_the_cue_and_such_said(pipeline):
    quotes = named(quotes_of("“我们不会参与价格战，”张维说。\n\n市场终究会回归理性，林海如是说。", pipeline))
    by_speaker = {q.speaker: q for q in quotes}
    assert by_speaker["张维"].kind == "direct" and by_speaker["张维"].text == "我们不会参与价格战"
    assert by_speaker["林海"].text == "市场终究会回归理性"


def test_mismatched_marks_still_close(pipeline):
    quotes = named(quotes_of('"我们明年会推出新的开源模型，“王建国在发布会上说。', pipeline))
    assert len(quotes) == 1 and quotes[0].kind == "direct" and quotes[0].speaker == "王建国"
    assert quotes[0].text == "我们明年会推出新的开源模型"


def test_pronoun_goes_to_the_last_speaker_not_the_nearest_name(pipeline):
    body = "张维表示，公司今年的营收增长了四成。\n\n他在会上还感谢了合作伙伴林海。\n\n他说，明年的重点是海外市场。"
    quotes = named(quotes_of(body, pipeline))
    last = next(q for q in quotes if q.text.startswith("明年的重点"))
    assert last.speaker == "张维" and last.speaker_surface == "他" and last.speaker_start is None


def test_she_skips_a_man(pipeline):
    body = "玛丽亚·科斯塔和王建国一同出席了发布会。\n\n王建国先生介绍了新产品。\n\n她表示，这款产品会先在欧洲上市。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "玛丽亚·科斯塔"


def test_the_company_goes_to_the_last_company(pipeline):
    body = "星河科技公司周一表示，新的数据中心已经投入使用。\n\n该公司还称，明年的资本开支将继续增加。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 2
    assert {q.speaker for q in quotes} == {"星河科技公司"}
    assert quotes[1].speaker_surface == "该公司"


def test_founder_description_goes_to_the_person(pipeline):
    body = "星河科技的创始人张维出生于杭州。\n\n这位创始人透露，公司的第一款芯片将在明年流片。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "张维" and quotes[0].speaker_surface == "这位创始人"


def test_surname_and_title_to_the_full_name(pipeline):
    body = "虚构研究所所长王建国上周访问了深圳。\n\n王所长说，研究所会把更多预算投入基础研究。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "王建国"


def test_short_transliterated_name_to_the_full_name(pipeline):
    body = "玛丽亚·科斯塔是一家虚构基金的合伙人。\n\n科斯塔表示，她看好亚洲的芯片设计公司。"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "玛丽亚·科斯塔"


def test_dropped_subject_takes_the_first_clause_subject(pipeline):
    quotes = named(quotes_of("林海表示，公司的订单已经排到明年，并强调产能仍然是最大的瓶颈。", pipeline))
    assert [q.text for q in quotes] == ["公司的订单已经排到明年", "产能仍然是最大的瓶颈"]
    assert all(q.speaker == "林海" for q in quotes)


def test_a_dropped_subject_inside_reported_speech_is_the_reported_subject(pipeline):
    quotes = named(quotes_of("警方表示，嫌疑人经过询问后，承认偷走了三台服务器。", pipeline))
    assert len(quotes) == 1 and quotes[0].cue == "表示"
    assert quotes[0].text == "嫌疑人经过询问后，承认偷走了三台服务器"


def test_reported_speech_runs_on_over_sentences(pipeline):
    quotes = named(quotes_of("林海表示，公司的订单已经排到明年。产能扩张需要时间。价格不会马上下降。", pipeline))
    assert len(quotes) == 1
    assert quotes[0].text == "公司的订单已经排到明年。产能扩张需要时间。价格不会马上下降"


def test_reported_speech_stops_at_a_new_speaker(pipeline):
    quotes = named(quotes_of("林海表示，公司的订单已经排到明年。张维则认为，订单很快就会减少。", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("林海", "公司的订单已经排到明年"), ("张维", "订单很快就会减少")]


def test_adjacent_quotation_carries_the_last_speaker(pipeline):
    body = "王建国说：“我们的模型已经开源。”\n\n“下一步是让更多开发者用起来。”"
    quotes = named(quotes_of(body, pipeline))
    assert [q.text for q in quotes] == ["我们的模型已经开源", "下一步是让更多开发者用起来"]
    assert all(q.speaker == "王建国" for q in quotes)


def test_quotation_over_two_paragraphs_is_one_quote(pipeline):
    body = "林海说：“我们低估了推理的需求。\n\n所以今年的算力全部给了推理。”"
    quotes = named(quotes_of(body, pipeline))
    assert len(quotes) == 1 and quotes[0].speaker == "林海"
    assert quotes[0].text == "我们低估了推理的需求。\n\n所以今年的算力全部给了推理"


def test_announcing_a_plan_is_not_speech(pipeline):
    assert named(quotes_of("星河科技公司宣布成立一家新的芯片设计子公司。", pipeline)) == []


def test_anonymous_sources_are_no_speakers(pipeline):
    body = "业内人士认为，明年的显卡价格还会上涨。\n\n一位不愿透露姓名的工程师透露，项目已经暂停。"
    quotes = quotes_of(body, pipeline)
    assert quotes and all(q.speaker is None for q in quotes)


def test_author_and_reporter_are_no_speakers(pipeline):
    quotes = quotes_of("笔者认为，这场竞争才刚刚开始。\n\n记者问：这款芯片什么时候量产？", pipeline)
    assert named(quotes) == []


def test_speakers_are_names_not_fragments(pipeline):
    body = ("除了价格以外，星河科技还强调了服务的重要性。\n\n从法律程序上说，最终结果应以法院判决为准。\n\n"
            "林海在电话中告诉记者，合同已经签署。")
    quotes = named(quotes_of(body, pipeline))
    assert {q.speaker for q in quotes} == {"林海"}


def test_preposition_before_a_date_is_no_name(pipeline):
    body = "虚构国外交部长林海于周一抵达。\n\n虚构国外交部长于周二向联合国表示，该国不会放弃这项计划。"
    quotes = named(quotes_of(body, pipeline))
    assert [q.speaker for q in quotes] == ["林海"]


def test_quoted_term_before_de_is_no_quotation(pipeline):
    quotes = named(quotes_of("张维模仿“主持人”的口吻说。\n\n“我没有作出任何承诺。”", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("张维", "我没有作出任何承诺")]


def test_space_glued_to_the_cue_after_a_latin_name(pipeline):
    quotes = named(quotes_of("据星河报道，Kavarin 说，工厂明年将扩建两条生产线。", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("Kavarin", "工厂明年将扩建两条生产线")]


def test_honorific_makes_a_mistyped_org_a_person():
    from sinoscope.claims.subjects_zh import classify
    from sinoscope.nlp.chinese import Token

    run = [Token(0, 6, "Lumaro", "ORG"), Token(6, 7, " ", "w"), Token(7, 9, "先生", "n")]
    sub = classify(run, None)
    assert sub is not None and sub.kind == "person" and sub.head == "Lumaro"


@pytest.mark.parametrize("body,cue", [("林海在社交媒体上发声，“这些指控全是谎言。”", "发声"),
                                      ("林海发问：“我们到底教给了孩子什么？”", "发问")])
def test_speaking_out_and_asking(pipeline, body, cue):
    quotes = named(quotes_of(body, pipeline))
    assert [(q.speaker, q.cue) for q in quotes] == [("林海", cue)]


def test_stating_a_position_is_no_quote(pipeline):
    assert named(quotes_of("星河公司申明立场。", pipeline)) == []


def test_a_paragraph_longer_than_the_reading_limit_is_read_in_its_first_part(pipeline):
    from sinoscope.claims.quotes import MAX_PARAGRAPH_CHARS

    body = "林海说，市场终究会回归理性。" + "数据" * MAX_PARAGRAPH_CHARS + "王明和李华都在场。"
    quotes = named(quotes_of(body, pipeline))
    assert [q.speaker for q in quotes] == ["林海"]


# -- constructions of round 3 (sample sentences; people, companies and outlets fictional) ------------------------

def test_a_hyphenated_latin_name_is_one_token():
    from sinoscope.claims.tokens_zh import merge_latin
    from sinoscope.nlp.chinese import Token
    tokens = [Token(0, 10, "Paul Mills", "PER"), Token(10, 11, "-", "w"), Token(11, 16, "Hicks", "xc"),
              Token(16, 17, " ", "w"), Token(17, 18, "说", "v")]
    assert [t.text for t in merge_latin(tokens)] == ["Paul Mills-Hicks", " ", "说"]
    dash = [Token(0, 5, "Hicks", "PER"), Token(5, 6, "-", "w"), Token(6, 8, "他说", "v")]
    assert [t.text for t in merge_latin(dash)] == ["Hicks", "-", "他说"]  # a dash before Chinese stays a dash


def test_a_quoted_recipient_before_the_colon_is_not_the_content(pipeline):
    quotes = named(quotes_of("Grant 先生告诉“晨星周报（Morning Star Weekly）”：“这座雕像属于这座城市。”", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("Grant", "这座雕像属于这座城市")]


@pytest.mark.parametrize("verb", ["发推特", "发表声明"])
def test_publishing_a_statement_before_a_colon(pipeline, verb):
    lead = "星河科技创始人林海曾" if verb == "发推特" else "虚构工业协会主席林海即"
    quotes = named(quotes_of(f"{lead}{verb}：“我们明年会开源全部模型。”", pipeline))
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [("林海", verb, "我们明年会开源全部模型")]


def test_publishing_without_a_colon_is_an_action(pipeline):
    assert named(quotes_of("星河科技昨天发表声明，随后股价上涨了三成。", pipeline)) == []


def test_this_is_how_x_answered(pipeline):
    quotes = named(quotes_of("有人问这家公司为什么要降价。\n\n星河科技是这样回答的：“我们希望更多的人用得起算力。”",
                             pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("星河科技", "我们希望更多的人用得起算力")]


def test_an_outlet_the_tagger_cut_at_a_time_word(pipeline):
    body = "北海星期天报说，新港口的建设已经推迟到明年。\n\n报纸说，港口的工人已经开始罢工。"
    quotes = named(quotes_of(body, pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("北海星期天报", "新港口的建设已经推迟到明年"),
                                                     ("北海星期天报", "港口的工人已经开始罢工")]  # 报纸: that outlet


def test_a_bare_surname_is_not_completed_from_a_given_name_mention(pipeline):
    body = ("游泳运动员汤姆·戴维表示，他从小就想参加奥运会。\n\n去年他的儿子出生，起名叫罗伯特·雷·戴维，"
            "戴维说他的生活从此改变了。\n\n他的父亲罗伯特于2011年去世。\n\n戴维说他的父亲一直希望看他比赛。")
    quotes = named(quotes_of(body, pipeline))
    assert [q.speaker for q in quotes] == ["汤姆·戴维"] * 3


def test_a_spokesperson_of_a_named_party_speaks_for_it(pipeline):
    quotes = named(quotes_of("某绿野党发言人指出，四天工作制不属于该党的方针。", pipeline))
    assert [q.speaker for q in quotes] == ["绿野党"]
    assert named(quotes_of("某政府发言人表示，新的计划准确可信。", pipeline)) == []  # which government is not said


@pytest.mark.parametrize("role", ["律师", "顾问", "助手", "发言人", "代表"])
def test_a_role_of_a_named_person_is_not_that_person(pipeline, role):
    # "X的律师表示": the lawyer speaks, not X; unnamed, so no one named speaks
    quotes = quotes_of(f"演员周明远的{role}表示，他的当事人将起诉这家杂志。", pipeline)
    assert quotes and all(q.speaker != "周明远" for q in quotes)
    assert named(quotes) == []


def test_a_role_of_a_named_person_goes_to_the_name_given_with_it(pipeline):
    quotes = named(quotes_of("演员周明远的律师林书婷表示，他的当事人将起诉这家杂志。", pipeline))
    assert [q.speaker for q in quotes] == ["林书婷"]
    body = "律师林书婷代表演员周明远出庭。\n\n周明远的律师表示，她的当事人将起诉这家杂志。"  # named earlier
    assert [q.speaker for q in named(quotes_of(body, pipeline))] == ["林书婷"]


def test_a_role_of_a_named_organisation_still_speaks_for_it(pipeline):
    quotes = named(quotes_of("星河科技公司的一位发言人表示，公司明年将在三个城市开设研发中心。", pipeline))
    assert [q.speaker for q in quotes] == ["星河科技公司"]


def test_an_organisation_glossed_with_its_acronym(pipeline):
    quotes = named(quotes_of("据美国国家广播公司(NBC)报道，十八个州的代表周五提交了一份意见书。", pipeline))
    assert [(q.speaker_zh, q.text) for q in quotes] == [("美国国家广播公司", "十八个州的代表周五提交了一份意见书")]


def test_speaking_before_a_colon(pipeline):
    quotes = named(quotes_of("歌手韦斯林再次发言：“你们想知道问题究竟在哪儿吗？”", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("韦斯林", "你们想知道问题究竟在哪儿吗？")]
    assert [q.cue for q in named(quotes_of("林海在会上发言，呼吁同行公开训练数据。", pipeline))] == ["呼吁"]


def test_the_subject_inside_a_time_frame_speaks(pipeline):
    quotes = named(quotes_of("九月在星河能源部长欧阳默在北海会见林海后表示，“能源不应成为施压的工具”。", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("欧阳默", "能源不应成为施压的工具")]


def test_the_answer_of_x_is(pipeline):
    quotes = named(quotes_of("对此，星河汽车方面的回应是，“利用它的资源的可能性很大，双方还要再谈。”", pipeline))
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("星河汽车", "回应", "利用它的资源的可能性很大，双方还要再谈")]
    assert named(quotes_of("很多人的看法是，模型会越来越便宜。", pipeline)) == []  # nobody named


def test_a_quotation_closed_too_early_runs_on_to_its_stray_closing_mark(pipeline):
    body = ("星河队教练林海表示，他对这个赛季很满意。\n\n“我真的感觉我更适合做教练，而不是去踢球。”\n\n"
            "我乐此不疲，尽管这听起来很奇怪。\n\n我一直都希望做管理工作，现在终于实现了。”")
    quotes = named(quotes_of(body, pipeline))
    assert [q.speaker for q in quotes] == ["林海", "林海"]
    assert quotes[1].text.startswith("我真的感觉") and quotes[1].text.endswith("现在终于实现了")


def test_a_pronoun_repeated_in_its_sentence_keeps_its_first_reading(pipeline):
    body = ("星河队队长林海在比赛中表现出色。\n\n"
            "当他被问及2009年王建国教练是如何在比赛的最后一天团结队员时他回答“我现在记得当时的每一个细节”。")
    assert [q.speaker for q in named(quotes_of(body, pipeline))] == ["林海"]


@pytest.mark.parametrize("body", [
    "周日星河科技表示，公司明年将在三个城市开设研发中心。",  # the tagger glues 周日 to the name
    "周五晨光公司表示，公司明年将在三个城市开设研发中心。",
])
def test_a_date_before_the_speaker(pipeline, body):
    quotes = named(quotes_of(body, pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [(body[2:6], "公司明年将在三个城市开设研发中心")]


def test_according_to_a_report_without_a_comma_the_inner_speaker_speaks(pipeline):
    body = "据晨报网报道虚构组织蓝湾联盟高级顾问兼发言人林澜周五表示，“选民不会忘记这一天”。"
    quotes = named(quotes_of(body, pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("林澜", "选民不会忘记这一天")]


def test_according_to_a_report_without_a_comma_still_cites_the_report(pipeline):
    quotes = named(quotes_of("据晨报网报道称，蓝湾联盟明年将迁往北港。", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("晨报网", "蓝湾联盟明年将迁往北港")]


@pytest.mark.parametrize("when", ["上周早些时候", "周三晚些时候"])
def test_a_time_adverbial_after_the_role_and_name(pipeline, when):
    body = f"据晨报网报道，星河科技前总裁张维{when}表示，“局面对于公司来说已经非常混乱”。"
    quotes = named(quotes_of(body, pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("张维", "局面对于公司来说已经非常混乱")]


@pytest.mark.parametrize("body", [
    "考虑到样例党可能失去多数，张维暂停了投票确认，提名了填补委员会空缺的候选人。",  # 投票确认: a noun
    "张维可能宣布本周的听证会以及预计在调查期间暂停委员会投票的事宜。",  # …以及预计…的事宜: a noun phrase
])
def test_a_cue_inside_a_noun_phrase_takes_no_serial_subject(pipeline, body):
    assert named(quotes_of(body, pipeline)) == []


def test_serial_verbs_still_share_their_subject(pipeline):
    quotes = named(quotes_of("张维直接指着他面前的人群说，这里没有人会离开。", pipeline))
    assert [(q.speaker, q.text) for q in quotes] == [("张维", "这里没有人会离开")]
