"""Small closed word lists for Chinese name discovery (facts of the language, not of any document)."""

from __future__ import annotations

# The common single-character surnames (the "Hundred Family Surnames" that are still frequent) and the
# compound ones. A name of the Chinese kind is a surname plus one or two given-name characters.
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝封钮茅羊鞠燕伏舒帅谈"
)
COMPOUND_SURNAMES = frozenset(
    ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙", "宇文", "司徒",
     "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "公羊", "呼延", "万俟", "闻人", "赫连"]
)

# Characters of the standard transliteration tables for foreign names (克林顿, 奥特曼, 迈克尔).
TRANSLIT_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拔白班邦保堡鲍贝本比彼毕宾滨波玻伯勃博布查柴达大戴丹道德登邓狄迪蒂丁东杜敦多厄恩尔"
    "法凡范菲斐费芬丰佛弗福夫伏盖甘冈高戈哥格根古瓜圭哈海汉豪赫黑亨胡华怀惠霍基吉加贾杰金卡凯坎康柯科克肯"
    "库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里理利莉丽莲林琳隆卢鲁路伦罗洛吕马玛麦迈曼芒梅门蒙米密明摩莫默姆穆纳娜"
    "奈南内尼妮涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐乔琴丘萨塞赛桑瑟森沙莎山尚舍什圣施史斯松苏索塔泰坦汤唐特提"
    "汀图托瓦万旺威韦维温沃乌伍西希锡夏谢辛休许雅亚扬杨耶伊因尤于约泽扎詹真茨佐祖哲琼瑞黛娅娃妲薇丝茜蒂"
    "贝琪蕾露璐娜妮莱尔顿森逊斐弗乔朱茹儒芙黛萝丹帕佩丝汀婷翠维韦文温沃鲍詹妮蒙梅迈麦伊维纳"
)

# Characters that end or interrupt a name rather than continue it: particles, verbs of saying, pronouns.
NOT_GIVEN_NAME = frozenset(
    "的了是在和与及或说称道表示认为也都又就还被把将对向从于以为而但却并且要会能可让给很最更已曾再这那此其"
    "他她它我你们您谁什么个些每各等该并吗呢吧啊呀哦嘛之乎者也上下中里外前后来去到过着得地着年月日时分秒号"
    "一二三四五六七八九十百千万亿零两几多少半第首次回家人国省市县区镇村路街楼室某姓"
)

# Words that follow or precede a person's name in news prose (titles, forms of address).
PERSON_TITLES_AFTER = (
    "先生", "女士", "小姐", "同志", "教授", "博士", "主席", "总统", "总理", "总书记", "书记", "部长", "省长",
    "市长", "县长", "局长", "院长", "校长", "主任", "经理", "董事长", "总裁", "老师", "师傅", "委员", "大使",
    "将军", "司令", "总监", "首相", "议员", "委员长", "副总理", "副主席", "州长", "议长", "秘书长", "会长", "社长",
    "厂长", "队长", "医生", "律师", "所长", "护士长", "总经理",
)
PERSON_TITLES_BEFORE = PERSON_TITLES_AFTER + (
    "记者", "通讯员", "作者", "编辑", "创始人", "首席执行官", "联合创始人", "科学家", "研究员", "工程师",
    "发言人", "CEO", "ceo", "负责人", "分析师", "策略师", "主编", "编剧", "导演", "演员", "歌手", "运动员",
)

# Org-name endings: a proper noun followed by one of these names an organisation.
ORG_SUFFIXES = (
    "有限公司", "股份公司", "公司", "集团", "研究所", "研究院", "研究中心", "实验室", "大学", "学院", "银行",
    "委员会", "协会", "基金会", "科学院", "工程院", "出版社", "通讯社", "电视台", "报社", "日报", "时报",
    "事务所", "交易所", "联合会", "总局", "部", "署", "党", "政府",
)

# jieba marks these as person names far more often than they are one.
NOT_PERSON_WORDS = frozenset(
    ["高达", "常委", "明星", "华人", "白人", "黑人", "国人", "老板", "大家", "人们", "朋友", "主人", "成员",
     "万元", "文化", "安全", "金融", "石油", "黄金", "高新", "高科技", "江山", "龙头", "和平", "华为", "马上",
     "高端", "于是", "于此", "方向", "方面", "成本", "成功", "周期", "周年", "关于", "关键", "万亿", "史上",
     "时代", "时期", "时候", "曾经", "向来", "连续", "连日", "车间", "钱财", "金牌", "段落"]
)
