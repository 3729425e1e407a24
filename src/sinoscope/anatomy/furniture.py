"""Page furniture: lines that belong to the site, not to the article.

Each rule looks at one line alone (skip links, newsletter boxes, image placeholders,
like/bookmark counters, reference-link lists, navigation words, copyright footers).
Rules that need the page's layout (related-article rails, trailing footers, repeated
blocks) live in `sections.py`.
"""

from __future__ import annotations

import re

from ..doc import Doc

_SENTENCE_END = "。！？!?.…;；"
_CLOSERS = "”\"’'）)」』》】]"

_SKIP_LINK = re.compile(
    r"^(跳转到|跳到|跳至|转到)(主要)?(内容|正文|导航)|^skip to (the )?(main )?(content|navigation|article)", re.I
)
_NEWSLETTER = re.compile(
    r"\bsubscribe\b|\bunsubscribe\b|newsletter|sign up (for|to)|直达邮箱|退订|"
    r"(免费|立即|点击|欢迎)订阅|订阅(我们|本|号|邮件|周刊|简报|newsletter|获取)|注册.{0,6}(邮箱|账号)|inbox",
    re.I,
)
_LIKE_THIS = re.compile(
    r"^(喜欢|觉得|爱).{0,8}(文章|内容|本文)(吗)?[?？]?$|^(like|enjoy(ed)?|love) (this|the) (article|story|post)\??$",
    re.I,
)
# A bare number is the pixel size a scraper leaves where an image was ("500"); short
# captions such as "题图。" or "Photo" name an image that is not there.
_IMAGE = re.compile(
    r"^\d{2,4}$|^(题图|头图|配图|图片|图|插图|视频|image|photo|picture|figure|video)\s*[。.:：]?$"
    r"|^(图片|图|photo|image)\s*(来源|credit|source|by)\s*[:：|]|^\(?(图片|图)来源[:：]|getty images$"
    r"|^(photo|image|图片|图|摄影|摄|视频截图)\s*[:：/]\s*\S.{0,60}$",
    re.I,
)
_COUNTER = re.compile(
    r"^(很赞|点赞|赞|在看|收藏|分享|转发|打赏|阅读(量)?|浏览|喜欢|举报|复制链接|"
    r"likes?|share|shares|bookmark|save|saved|views?|reads?|print|email|tweet|reply)"
    r"\s*[:：]?\s*[\d,.]*\s*[万kKmM]?\+?$",
    re.I,
)
_URL_TAIL = re.compile(r"(https?://\S+|www\.\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)+\.[a-z]{2,}/\S*)\s*$", re.I)
_DOMAIN_ONLY = re.compile(r"^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/?$", re.I)
# "©", "Copyright 2026", "All rights reserved" mark a site footer; the policy links only on a short line.
_FOOTER = re.compile(
    r"©|copyright\s*(©|\(c\)|\d{4})|all rights reserved|版权所有|未经(许可|授权).{0,10}转载|icp(备|证)|京公网安备",
    re.I,
)
_POLICY_LINKS = re.compile(
    r"privacy policy|terms of (use|service)|cookie (policy|settings)|隐私政策|用户协议|免责声明", re.I
)
_EDITORIAL = re.compile(r"^[\(（]?(责任编辑|责编|编辑|校对|审核|来源|本文来源|原标题)\s*[:：|｜]|^[\(（]完[\)）]$")
# Labels a translation site puts above its parts ("正文翻译" = "the body, translated").
_SECTION_LABEL = re.compile(
    r"^(正文|原文|译文|正文翻译|原文翻译|全文翻译|中文翻译|英文原文|双语对照|中英对照|"
    r"translation|original( text| article)?)[:：]?$",
    re.I,
)
_SOCIAL = re.compile(
    r"^(share (this|on)|follow us|listen to this( article)?|\d+\s*min(ute)?s? read|print this|email this|"
    r"阅读(时间|全文)|分享到|关注我们|扫码关注|点击(关注|阅读|查看)|长按(识别|二维码)|本文(约|共)\d+字)",
    re.I,
)
# "Home > Tech > AI" or "首页 / 科技 / 人工智能": three or more short crumbs.
_BREADCRUMB = re.compile(r"^[^\s>›»/|]{1,20}(\s*[>›»/|]\s*[^\s>›»/|]{1,20}){2,}$")
_RELATED_LINK = re.compile(
    r"^(related|see also|also read|read more|more on this|相关阅读|延伸阅读|推荐阅读|相关链接)\s*[:：]\s*\S", re.I
)
# Comment metadata: "3小时前", "2 hours ago", "IP属地：北京", "回复".
_COMMENT_META = re.compile(
    r"^(\d+\s*(秒|分钟|小时|天|周|个月|年)前|"
    r"\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|"
    r"ip\s*属地\s*[:：].{0,10}|来自.{1,10}(客户端|iphone|android)|"
    r"回复|reply|report|举报|刚刚|just now|yesterday|昨天)$",
    re.I,
)
_ADVERT = re.compile(r"^(advertisement|sponsored|广告|推广|赞助内容)$", re.I)
# Site navigation words: a short line made only of these is a menu entry or a tab.
_NAV_LINE = re.compile(
    r"^(首页|主页|登录|注册|退出|搜索|菜单|导航|专栏|全部专栏|站务|关于我们|联系我们|返回顶部|回到顶部|上一篇|下一篇|"
    r"更多|加载更多|展开|收起|设置|帮助|反馈|投稿|客户端|下载app|打开app|app|扫码|二维码|公众号|写评论|发表评论|我要评论|赞赏|"
    r"home|menu|search|login|log in|sign in|sign out|sign up|register|about|about us|contact|contact us|"
    r"back to top|next|previous|more|load more|top|subscribe|newsletters?)$",
    re.I,
)


def line_role(text: str) -> str | None:
    """The furniture role of a single line, or None if it may be content."""
    line = text.strip()
    if not line:
        return "empty"
    short = len(line) <= 160
    if _SKIP_LINK.search(line):
        return "skip_link"
    if _SECTION_LABEL.match(line):
        return "section_label"
    if _IMAGE.search(line):
        return "image"
    if _COUNTER.match(line) or _ADVERT.match(line) or _COMMENT_META.match(line):
        return "counter"
    if _NAV_LINE.match(line) or (short and _BREADCRUMB.match(line) and not re.search(r"\d", line)):
        return "navigation"
    if short and _RELATED_LINK.match(line):
        return "related_link"
    if short and _SOCIAL.match(line):
        return "social"
    if (short and _NEWSLETTER.search(line) and not _reads_as_report(line)) or _LIKE_THIS.match(line):
        return "newsletter"
    if _DOMAIN_ONLY.match(line):
        return "source_link"
    if _URL_TAIL.search(line) and len(_URL_TAIL.sub("", line)) <= 120:
        return "reference_link"
    if short and _FOOTER.search(line):
        return "footer"
    if len(line) <= 80 and not ends_sentence(line) and _POLICY_LINKS.search(line):
        return "footer"
    if short and _EDITORIAL.match(line):
        return "editorial"
    return None


def _reads_as_report(line: str) -> bool:
    """An English sentence of news that mentions subscribing ("…readers who subscribe to rival services.").
    The Chinese newsletter patterns are specific phrases ("订阅我们", "免费订阅") that news prose rarely uses."""
    if re.search(r"[\u4e00-\u9fff]", line):
        return False
    return ends_sentence(line) and len(line) > 60 and not re.search(r"\b(you|your|our|us)\b", line, re.I)


def ends_sentence(text: str) -> bool:
    """True if `text` ends like a sentence (closing quotes and brackets looked through)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def furniture(doc: Doc) -> None:
    """Mark single-line furniture; pages from the HTML adapter get the same treatment."""
    for paragraph in doc.paragraphs:
        if paragraph.section != "body":
            continue
        role = line_role(paragraph.analysis_text)
        if role:
            paragraph.section, paragraph.role = "furniture", role
