"""Interface strings in English and Chinese; the language is chosen by ?lang= and kept in a cookie."""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("en", "zh")
COOKIE = "sinoscope_lang"

# key: (English, Chinese). Every string the interface shows lives here, so both languages stay complete.
STRINGS: dict[str, tuple[str, str]] = {
    "app_name": ("sinoscope", "sinoscope 华镜"),
    "tagline": ("US–China AI news, both languages", "中美人工智能新闻 · 双语追踪"),
    "nav_home": ("Home", "首页"),
    "nav_search": ("Search", "搜索"),
    "nav_forecasts": ("Forecasts", "预测台账"),
    "nav_digest": ("Digest", "摘要"),
    "nav_api": ("API", "接口"),
    "switch_lang": ("中文", "English"),
    "latest_stories": ("Latest stories", "最新报道"),
    "new_forecasts": ("New forecasts", "新增预测"),
    "stance_shifts": ("Biggest stance shifts", "立场变化最大"),
    "blindspots": ("Blindspots: covered in one language only", "盲点：仅一种语言报道"),
    "blindspot_only": ("only in {lang}", "仅{lang}报道"),
    "nothing_yet": ("Nothing yet.", "暂无内容。"),
    "documents": ("Documents", "文档"),
    "docs_count": ("{n} documents", "{n} 篇文档"),
    "story": ("Story", "报道"),
    "stories": ("Stories", "报道"),
    "title": ("Title", "标题"),
    "date": ("Date", "日期"),
    "languages": ("Languages", "语言"),
    "language": ("Language", "语言"),
    "outlet": ("Outlet", "媒体"),
    "outlets": ("Outlets", "媒体"),
    "entity": ("Entity", "实体"),
    "entities": ("Entities", "实体"),
    "speaker": ("Speaker", "发言人"),
    "stance": ("Stance", "立场"),
    "since": ("From", "起始日期"),
    "until": ("To", "截止日期"),
    "any": ("any", "不限"),
    "key_points": ("Key points", "要点"),
    "quotes": ("Quotes", "引语"),
    "figures": ("Figures", "数据"),
    "unit": ("Unit", "单位"),
    "forecasts": ("Forecasts", "预测"),
    "articles_en": ("English coverage", "英文报道"),
    "articles_zh": ("Chinese coverage", "中文报道"),
    "articles_mixed": ("Bilingual pages", "双语页面"),
    "articles_other": ("Other languages", "其他语言"),
    "read_parallel": ("Read side by side", "双语对照阅读"),
    "repost_of": ("repost of #{id}", "转载自 #{id}"),
    # story list, story coverage and feeds
    "all_stories": ("All stories", "全部报道"),
    "new_stories": ("New stories", "新报道"),
    "story_feed": ("Atom feed of this story", "本报道的 Atom 订阅"),
    "stories_feed": ("Atom feed of new stories", "新报道 Atom 订阅"),
    "coverage": ("Coverage", "报道分布"),
    "by_language": ("By language", "按语言"),
    "by_outlet_type": ("By outlet type", "按媒体类型"),
    "first_report": ("first report", "首发"),
    "first_reported": ("First reported {day}", "首发于 {day}"),
    "outlet_type_prc_state": ("PRC state media", "中国官方媒体"),
    "outlet_type_prc_commercial": ("PRC commercial media", "中国商业媒体"),
    "outlet_type_hk_tw": ("Hong Kong / Taiwan", "港台媒体"),
    "outlet_type_us": ("US media", "美国媒体"),
    "outlet_type_western": ("other Western media", "其他西方媒体"),
    "outlet_type_other": ("other media", "其他媒体"),
    "outlet_type_unlisted": ("unlisted outlet", "未收录媒体"),
    "what_they_said": ("What they said", "言论记录"),
    "stance_over_time": ("Stance over time", "立场变化"),
    "their_stance": ("as speaker", "本人发言"),
    "coverage_stance": ("coverage mentioning them", "提及其的报道"),
    "no_stance_data": ("No stance data yet.", "暂无立场数据。"),
    "their_forecasts": ("Their forecasts", "其预测"),
    "mentioned_in": ("Mentioned in {n} documents", "在 {n} 篇文档中被提及"),
    "recent_documents": ("Recent documents", "近期文档"),
    # entity browser and entity page
    "nav_entities": ("Entities", "实体"),
    "entity_browser": ("Entity browser", "实体浏览"),
    "entities_count": ("{n} entities", "{n} 个实体"),
    "country": ("Country", "国家/地区"),
    "type": ("Type", "类型"),
    "name": ("Name", "名称"),
    "find_entity": ("a name in Chinese or English", "中文或英文名称"),
    "clear_filters": ("clear filters", "清除筛选"),
    "mention_timeline": ("Mentions over time", "提及次数变化"),
    "documents_per_period": ("documents per month, by language", "每月文档数（按语言）"),
    "undated_mentions": ("{n} undated documents are not shown", "另有 {n} 篇日期不详的文档未计入"),
    "aliases": ("Names", "名称与别名"),
    "aliases_zh": ("Chinese", "中文"),
    "aliases_en": ("Latin script", "拉丁字母"),
    "co_occurring": ("Named together with", "共同出现的实体"),
    "shared_documents": ("documents together", "篇共同出现"),
    "outlets_mentioning": ("Outlets that mention it", "提及它的媒体"),
    "filter_facts": ("Filter quotes and forecasts", "筛选引语与预测"),
    "text_contains": ("text contains", "文本包含"),
    "known_entity": ("in the knowledge base", "知识库实体"),
    "value_labels": ("values", "数值"),
    "ledger": ("Forecast ledger", "预测台账"),
    "status_open": ("Open", "未决"),
    "status_due": ("Due", "已到期"),
    "status_resolved": ("Resolved", "已判定"),
    "holder": ("Who", "预测者"),
    "forecast": ("Forecast", "预测内容"),
    "probability": ("Probability", "概率"),
    "due": ("Due", "到期"),
    "outcome": ("Outcome", "结果"),
    "evidence": ("Evidence", "证据"),
    "token": ("Token", "令牌"),
    "resolve": ("Resolve", "判定"),
    "resolved_ok": ("Forecast #{id} resolved.", "预测 #{id} 已判定。"),
    "outcome_true": ("came true", "应验"),
    "outcome_false": ("did not happen", "未应验"),
    "outcome_partial": ("partly", "部分应验"),
    "outcome_void": ("void", "作废"),
    "search": ("Search", "搜索"),
    "search_placeholder": ("words or \"a phrase\" in Chinese or English", "中文或英文关键词，或用引号搜索短语"),
    "results": ("{n} results", "{n} 条结果"),
    "results_more": ("more than {n} results", "超过 {n} 条结果"),
    "no_results": ("No documents match.", "没有匹配的文档。"),
    "apply": ("Apply", "筛选"),
    "sort": ("Sort", "排序"),
    "sort_relevance": ("relevance", "相关度"),
    "sort_date": ("newest", "最新"),
    "in_results": ("in the top results", "前列结果中"),
    "prev": ("‹ Previous", "‹ 上一页"),
    "next": ("Next ›", "下一页 ›"),
    "page_n": ("page {n}", "第 {n} 页"),
    "source": ("Source", "来源"),
    "original": ("Original link", "原文链接"),
    "published": ("Published", "发布时间"),
    "undated": ("undated", "日期不详"),
    "authors": ("By", "作者"),
    "text": ("Text", "正文"),
    "bilingual_view": ("Bilingual reading view", "双语对照"),
    "full_text": ("Full text", "全文"),
    "show_all": ("show page furniture", "显示页面杂项"),
    "legend": ("Highlights:", "高亮："),
    "said": ("said", "说"),
    "not_found": ("Not found", "未找到"),
    "not_found_text": ("There is nothing at this address.", "此地址没有内容。"),
    "forbidden": ("A valid token is required.", "需要有效的令牌。"),
    "writes_disabled": ("Writes are disabled: no token is configured.", "写入已关闭：未配置令牌。"),
    "bad_request": ("Bad request", "请求有误"),
    "digest": ("Digest", "摘要"),
    "digest_title": ("sinoscope digest {since} – {until}", "sinoscope 摘要 {since} 至 {until}"),
    "top_stories": ("Top stories", "重点报道"),
    "due_forecasts": ("Forecasts due", "到期预测"),
    "shift_from_to": ("{before} → {after}", "{before} → {after}"),
    "atom_feed": ("Atom feed", "Atom 订阅"),
    "sample_notice": ("", ""),
    "lang_en": ("English", "英文"),
    "lang_zh": ("Chinese", "中文"),
    "lang_mixed": ("bilingual", "双语"),
    "lang_other": ("other", "其他"),
    "stance_china_ahead_or_catching_up": ("China ahead or catching up", "中国领先或追赶"),
    "stance_china_behind_or_gap_widening": ("China behind or gap widening", "中国落后或差距扩大"),
    "stance_mixed": ("mixed", "观点混合"),
    "stance_not_addressed": ("not addressed", "未涉及"),
    "type_person": ("person", "人物"),
    "type_org": ("organisation", "机构"),
    "type_product": ("product", "产品"),
    "type_place": ("place", "地点"),
    "type_other": ("other", "其他"),
}

# Cross-language search, the data links of list pages, the quotes and outlet pages.
STRINGS.update({
    "data_links": ("Data:", "数据："),
    "data_json": ("JSON", "JSON"),
    "data_csv": ("CSV", "CSV"),
    "matched_as": ("matched {form}", "匹配 {form}"),
    "searched_forms": ("“{term}” also searched as: {forms}", "“{term}”同时搜索：{forms}"),
    "all_quotes": ("Quotes", "引语"),
    "quote_text": ("Quote", "引语"),
    "outlet_documents": ("Documents from {outlet}", "{outlet} 的文档"),
    "filter": ("Filter", "筛选"),
})


def pick_language(query_value: str | None, cookie_value: str | None, accept_language: str | None) -> str:
    """?lang= first, then the remembered cookie, then the browser's preference."""
    for value in (query_value, cookie_value):
        if value in LANGS:
            return value
    return "zh" if (accept_language or "").lower().lstrip().startswith("zh") else "en"


def translator(lang: str) -> Callable[..., str]:
    index = 1 if lang == "zh" else 0

    def t(key: str, **values: object) -> str:
        pair = STRINGS.get(key)
        if pair is None:
            return key
        text = pair[index]
        return text.format(**values) if values else text

    return t


def label(lang: str, prefix: str, value: str | None) -> str:
    """A data value (stance label, language code, entity type) in the interface language, else as stored."""
    if not value:
        return "—"
    pair = STRINGS.get(f"{prefix}_{value}")
    return pair[1 if lang == "zh" else 0] if pair else value.replace("_", " ")
