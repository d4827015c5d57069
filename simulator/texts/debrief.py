"""The debrief: the scorecard's words, the lessons, findings and stories."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- debrief
    "debrief.title": ("Debrief: {title}", "复盘：{title}"),
    "debrief.score": (
        "Your score {total} · by the book {book}",
        "你的得分 {total} · 按手册 {book}",
    ),
    "debrief.component": ("Component", "项目"),
    "debrief.value": ("Value", "得分"),
    "debrief.weight": ("Weight", "权重"),
    "debrief.formula": ("Formula", "公式"),
    "debrief.lessons": ("Lessons", "经验教训"),
    "debrief.stories": ("Your people", "你的团队成员"),
    "debrief.compare": ("Same seed, by the book", "同一随机种子，按手册管理"),
    "debrief.you": ("You", "你"),
    "debrief.book": ("By the book", "按手册"),
    "debrief.to_title": ("To the title screen", "返回标题"),
    "debrief.write_report": ("Write the trainer's report", "生成培训报告"),
    "debrief.write_report_tip": (
        "An HTML page with charts, for your trainer or your own notes.",
        "生成带图表的 HTML 报告，供培训师或自己查看。",
    ),
    "debrief.report_written": ("Written: {path}", "已生成：{path}"),
    # the uncapped figure behind each scorecard line, for comparisons
    "measure.revenue": ("{v}% of target", "目标的 {v}%"),
    "measure.engagement": ("mood {v}", "敬业度 {v}"),
    "measure.attrition": ("{v} left", "离开 {v} 人"),
    "measure.skills": ("skills {v} pts", "技能 {v} 分"),
    "measure.trust": ("trust {v}", "信任 {v}"),
    "measure.pipeline": ("forecast error {v} (lower is better)", "预测误差 {v}（越低越好）"),
    "measure.customers": ("warmth {v}", "客户温度 {v}"),
    "debrief.measure_head": (
        "What lies under the points (not capped)",
        "分数背后的实际数据（不封顶）",
    ),
    # the scorecard in plain words, beside each formula
    "plain.line": ("{head}: {body}", "{head}：{body}"),
    "plain.good": ("Strong", "很好"),
    "plain.fair": ("Fair", "尚可"),
    "plain.poor": ("Weak", "偏弱"),
    "plain.revenue": ("you booked {pct}% of the target.", "你完成了目标的 {pct}%。"),
    "plain.engagement": (
        "the team's mood averaged {e} (0.80 or more is full marks).",
        "团队平均敬业度为 {e}（达到 0.80 即满分）。",
    ),
    "plain.attrition": (
        "{L} of the {N} people you started with left when you would have kept them.",
        "开局的 {N} 人中，有 {L} 位你本想留住的人离开了。",
    ),
    "plain.skills_up": (
        "your team's skills grew: {g} points on a 0–100 scale, per rep.",
        "团队技能有所提升：每人平均 {g} 分（满分 100）。",
    ),
    "plain.skills_little": (
        "your team's skills grew only a little: {g} points on a 0–100 scale, per rep.",
        "团队技能只提升了一点：每人平均 {g} 分（满分 100）。",
    ),
    "plain.skills_flat": (
        "your team's skills hardly moved ({g} points per rep).",
        "团队技能几乎没有变化（每人 {g} 分）。",
    ),
    "plain.trust": (
        "trust in you ended at {t}; you kept {K} of {n} promises.",
        "团队对你的信任最终为 {t}；{n} 个承诺兑现了 {K} 个。",
    ),
    "plain.trust_none": (
        "trust in you ended at {t}; no promise came due.",
        "团队对你的信任最终为 {t}；没有到期的承诺。",
    ),
    "plain.pipeline": (
        "{u}% of open deals sat stuck or dead; the win chances you saw scored {q} against "
        "how deals ended (0 is perfect, 0.25 no better than a coin toss).",
        "平均 {u}% 的在途项目停滞或已无望；你看到的赢率与项目结局对照得分 {q}"
        "（0 为完美，0.25 相当于抛硬币）。",
    ),
    "plain.customers": (
        "customer warmth ended at {h} (0.60 is healthy); {lost} customers lost.",
        "客户关系温度最终为 {h}（0.60 为健康）；流失客户 {lost} 个。",
    ),
    "debrief.followed": ("✓ followed", "✓ 做到了"),
    "debrief.missed": ("× missed", "× 没做到"),
    "debrief.partly": ("≈ partly", "≈ 部分做到"),
    "debrief.untested": ("– not tested here", "– 本局未涉及"),
    "debrief.revenue_line": (
        "Revenue {revenue} of target {target}; {left} left the team",
        "收入 {revenue} / 目标 {target}；{left} 人离开团队",
    ),
    # ---------------------------------------------------------------- lessons
    "lesson.P1": (
        "The manager's cycle: plan, organise, set quotas, evaluate",
        "经理的循环：计划、组织、定指标、评估",
    ),
    "lesson.P2": ("Quotas realistic and challenging", "指标要现实且有挑战"),
    "lesson.P3": ("Know each rep's needs: four types", "了解每个人的需求：四种类型"),
    "lesson.P4": ("Competitors thrive on contests and rivals", "竞争型靠竞赛和对手激励"),
    "lesson.P5": ("Achievers: challenge, growth plans, autonomy", "成就型：挑战、成长计划、放权"),
    "lesson.P6": ("Ego-driven reps: make them mentors", "自我型：让他们当导师"),
    "lesson.P7": ("Service reps keep customers: value them", "服务型留住客户：重视他们"),
    "lesson.P8": ("Talk regularly: 1:1s and team meetings", "定期沟通：一对一和团队会议"),
    "lesson.P9": (
        "Praise in public, correct in private, one standard",
        "公开表扬，私下批评，一视同仁",
    ),
    "lesson.P10": ("The 1-15-30 pipeline rule", "漏斗管理 1-15-30 法则"),
    "lesson.P11": (
        "Team selling: the right support at the right stage",
        "团队销售：在正确阶段用正确支持",
    ),
    "lesson.P12": ("Keep a customer archive", "建立客户档案"),
    "lesson.P13": (
        "Delegate with supervision: a light hand on the rope, and a reward",
        "授权要监督：既要牵住绳子，也要给颗糖",
    ),
    "lesson.P14": ("Deputies need a share; veterans need face", "副手要分成，老将要面子"),
    "lesson.P15": ("Never promise what you cannot deliver", "不做无法兑现的承诺"),
    "lesson.P16": ("Manage by data; a repeatable routine", "用数据管理；可重复的流程"),
    "lesson.P17": ("Daily plans and call analytics", "日计划和通话分析"),
    "lesson.P18": (
        "Team atmosphere: one goal, meetings, training",
        "团队氛围：共同目标、会议、培训",
    ),
    # ---------------------------------------------------------------- findings and stories
    "s.choices_against": (
        "{n} of your {of} inbox decisions on this lesson went against the handbook.",
        "你在这一课上的 {of} 个收件箱决定中，有 {n} 个与手册相悖。",
    ),
    "s.choices_along": (
        "Your inbox decisions on this lesson followed the handbook ({n}).",
        "你在这一课上的收件箱决定与手册一致（{n} 个）。",
    ),
    "m.choice_against": (
        'You chose "{choice}" for {rep}; the handbook: "{handbook}".',
        "你对{rep}选择了“{choice}”；手册的做法是“{handbook}”。",
    ),
    "m.choice_against_team": (
        'You chose "{choice}"; the handbook: "{handbook}".',
        "你选择了“{choice}”；手册的做法是“{handbook}”。",
    ),
    "m.choice_expired": (
        'You let "{title}" ({rep}) wait: "{choice}" happened; the handbook: "{handbook}".',
        "你没有及时处理“{title}”（{rep}）：结果是“{choice}”；手册的做法是“{handbook}”。",
    ),
    "m.choice_expired_team": (
        'You let "{title}" wait: "{choice}" happened; the handbook: "{handbook}".',
        "你没有及时处理“{title}”：结果是“{choice}”；手册的做法是“{handbook}”。",
    ),
    "m.choice_along": (
        'You chose "{choice}" for {rep}, as the handbook would.',
        "你对{rep}选择了“{choice}”，与手册一致。",
    ),
    "m.choice_along_team": (
        'You chose "{choice}", as the handbook would.',
        "你选择了“{choice}”，与手册一致。",
    ),
    "m.p4_never": (
        "{rep} (competitor) had neither a contest nor a rival to race.",
        "{rep}（竞争型）既没有竞赛，也没有可以追赶的对手。",
    ),
    "m.p6_no_mentor": ("{novice} never had a mentor.", "{novice}始终没有导师。"),
    "m.p11_none": (
        "You never asked for pre-sales, consultants, executives or legal.",
        "你从未申请售前、顾问、高管或法务支持。",
    ),
    "m.p16_gap": (
        "Weeks {from}–{to}: neither 1:1s nor a pipeline review.",
        "第 {from}–{to} 周：既没有一对一，也没有漏斗审查。",
    ),
    "m.p17_none": (
        "Neither daily plans nor call analytics: what you saw of the work was the reps' word.",
        "既没有日计划，也没有通话分析：你看到的工作情况只是销售的一面之词。",
    ),
    "m.p18_no_goal": ("Period {period}: no team goal.", "第 {period} 期：没有团队目标。"),
    "m.p18_few_meetings": (
        "Only {n} team meetings all game.",
        "整局只开了 {n} 次团队会议。",
    ),
    "s.untested": ("The game gave no occasion for this lesson.", "本局没有涉及这一课的情境。"),
    "s.p1": (
        "Quotas set in {set} of {periods} periods; {reviews} performance reviews.",
        "在 {periods} 期中有 {set} 期设定了指标；做了 {reviews} 次绩效评估。",
    ),
    "m.p1_no_quota": (
        "Period {period}: no quotas set; last period's stood.",
        "第 {period} 期：没有设定指标，沿用了上期的。",
    ),
    "m.p1_no_review": (
        "Period {period}: ended without a single review.",
        "第 {period} 期：结束时没有做任何评估。",
    ),
    "s.p2": (
        "{good} of {total} checks passed: each quota you set was within 0.9–1.35× what the "
        "rep could truly book, and each rep's season booked between half and one and a half "
        "times their quotas.",
        "{total} 项检查中通过 {good} 项：每个指标为销售真实能力的 0.9–1.35 倍，"
        "且每位销售全季完成额在指标的一半到一倍半之间。",
    ),
    "s.p2_none": (
        "You never set a quota: last year's numbers stood.",
        "你从未设定指标：沿用了去年的数字。",
    ),
    "m.p2_too_high": (
        "{rep}: quota {quota} was {x}× the {capacity} a period they could truly book then "
        "(hidden during the game): too high, confidence suffers.",
        "{rep}：指标 {quota} 是其当时真实能力（每期 {capacity}，游戏中不可见）的 {x} 倍："
        "定得太高，信心受挫。",
    ),
    "m.p2_too_easy": (
        "{rep} booked {booked} against quotas of {quota} ({pct}%): they asked too little.",
        "{rep}的指标合计 {quota}，实际完成 {booked}（{pct}%）：指标定得太低。",
    ),
    "m.p2_too_hard": (
        "{rep} booked {booked} against quotas of {quota} ({pct}%): out of reach.",
        "{rep}的指标合计 {quota}，只完成了 {booked}（{pct}%）：指标遥不可及。",
    ),
    "m.p2_too_low": (
        "{rep}: quota {quota} was only {x}× the {capacity} a period they could truly book "
        "then (hidden during the game): too low to stretch.",
        "{rep}：指标 {quota} 只是其当时真实能力（每期 {capacity}，游戏中不可见）的 {x} 倍："
        "太低，缺乏挑战。",
    ),
    "s.p3_given": ("Everyone's type was given in the briefing.", "简报中已给出每个人的类型。"),
    "story.given": ("Their type was in the briefing.", "其类型在简报中已给出。"),
    "debrief.scorecard": ("Scorecard", "计分卡"),
    "s.p3": (
        "You knew {known} of {total} people's types by the end (read right, or assessed).",
        "到最后，你掌握了 {total} 人中 {known} 人的类型（判断正确或经过测评）。",
    ),
    "m.p3_assessed": (
        "An assessment showed {rep} is {type}.",
        "测评显示{rep}属于{type}。",
    ),
    "m.p3_read_right": (
        "You read {rep} as {type}: right.",
        "你判断{rep}属于{type}：正确。",
    ),
    "m.p3_read_wrong": (
        "You read {rep} as {type}, but they are {truth}.",
        "你判断{rep}属于{type}，但其实是{truth}。",
    ),
    "m.p3_never": (
        "You never noted a read of {rep}: they were {type}.",
        "你始终没有判断{rep}的类型：其实是{type}。",
    ),
    "by.conversations": ("conversations", "谈话"),
    "by.assessment": ("an assessment", "测评"),
    "by.event": ("an event", "事件"),
    "by.scenario": ("the briefing", "简报"),
    "m.reaction_up": ("{rep} perked up at {lever}.", "{rep}因{lever}受到鼓舞。"),
    "m.reaction_down": ("{rep} was put off by {lever}.", "{rep}因{lever}感到不快。"),
    "s.p4": (
        "{contests} contests and {rivals} rivals named for {n} competitors.",
        "为 {n} 名竞争型销售举办了 {contests} 次竞赛，树立了 {rivals} 个对手。",
    ),
    "s.p5": (
        "{grown} of {n} achievers got a development plan or autonomy.",
        "{n} 名成就型销售中有 {grown} 人获得了发展计划或自主权。",
    ),
    "m.p5_not_grown": (
        "{rep} (achiever) got neither a plan nor autonomy.",
        "{rep}（成就型）既没有发展计划也没有自主权。",
    ),
    "s.p6": (
        "{ego} of {pairs} mentoring pairs had an ego-driven mentor.",
        "{pairs} 对师徒中有 {ego} 对的导师是自我型。",
    ),
    "m.p6_mentor": ("{rep} mentored {novice}.", "{rep}指导了{novice}。"),
    "s.p7": (
        "{cared} of {n} service reps looked after key accounts; "
        "{hurt} times one was put off by a contest, a rival or public blame.",
        "{n} 名服务型销售中有 {cared} 人负责大客户；"
        "{hurt} 次因竞赛、树立对手或当众批评而感到不快。",
    ),
    "s.p8": (
        "{ok} of {n} reps had 1:1s at least twice a month; {meetings} team meetings.",
        "{n} 人中有 {ok} 人每月至少两次一对一；开了 {meetings} 次团队会议。",
    ),
    "m.p8_rare": (
        "{rep}: {n} one-on-ones in {weeks} weeks.",
        "{rep}：{weeks} 周内只有 {n} 次一对一。",
    ),
    "s.p9": (
        "{public} public criticisms, {praise} praises, "
        "{unfair} times the team saw unequal treatment.",
        "公开批评 {public} 次，表扬 {praise} 次，团队 {unfair} 次感到不公。",
    ),
    "m.p9_public_criticism": ("{rep} was criticised in public.", "{rep}被公开批评。"),
    "m.p9_unfair": (
        "The team saw two similar results treated differently.",
        "团队看到相似的业绩被区别对待。",
    ),
    "s.p10": (
        "Pipeline reviewed in {weeks} of {of} weeks; {dropped} dead deals dropped.",
        "{of} 周中有 {weeks} 周审查了漏斗；放弃了 {dropped} 个无望项目。",
    ),
    "m.p10_gap": ("Weeks {from}–{to}: no pipeline review.", "第 {from}–{to} 周：没有审查漏斗。"),
    "s.p11": (
        "{right} of {n} support engagements came at the right stage.",
        "{n} 次支持中有 {right} 次在正确阶段。",
    ),
    "m.p11_wrong_stage": (
        "{pool} came in at {stage}: the wrong stage.",
        "{pool} 在「{stage}」阶段介入：阶段不对。",
    ),
    "s.p12": (
        "{lost} customers lost; {assigned} account assignments made; {matched} of {asked} "
        "support requests fitted how the customer decides.",
        "流失客户 {lost} 个；分配客户 {assigned} 次；{asked} 次支持申请中有 {matched} 次"
        "符合客户的决策方式。",
    ),
    "m.p12_style": (
        "{account} decides {style}: you sent {pool}, the archive said {needed}.",
        "{account} 的决策方式是{style}：你派了{pool}，档案显示应派{needed}。",
    ),
    "m.p9_unfair_correction": (
        "{rep} was corrected for results like others you praised, or while on pace.",
        "{rep}的业绩与受表扬者相当或进度正常，却受到指正。",
    ),
    "m.p12_lost": ("{account} was lost ({rep}).", "{account} 流失（{rep}）。"),
    "s.p13_none": ("You never delegated.", "你从未授权。"),
    "s.p13": (
        "{n} delegations, {light} with light supervision; {slips} costly mistakes.",
        "授权 {n} 次，其中 {light} 次适度监督；{slips} 次代价高昂的失误。",
    ),
    "m.p13_delegated": (
        "{rep} took over {task} with {supervision}.",
        "{rep}接手{task}，{supervision}。",
    ),
    "m.p13_slip": ("Deputy {rep} made a costly mistake.", "副手{rep}犯了代价高昂的错误。"),
    "s.p14": (
        "{shared} of {deputies} deputies got a share; {honoured} of {veterans} veterans honoured.",
        "{deputies} 名副手中 {shared} 人获得分成；{veterans} 名老将中 {honoured} 人受到礼遇。",
    ),
    "m.p14_no_share": (
        "{rep} carried a deputy's load with no share.",
        "{rep}承担副手职责却没有分成。",
    ),
    "m.p14_not_honoured": ("{rep}, a veteran, was never honoured.", "老将{rep}从未受到礼遇。"),
    "s.p15_unmet": (
        "{n} promises made on results that did not come: nothing was owed, nothing broken.",
        "做出 {n} 个以业绩为条件的承诺，条件未达成：无需兑现，也没有失信。",
    ),
    "s.p15": ("{kept} promises kept, {broken} broken.", "兑现承诺 {kept} 次，违背 {broken} 次。"),
    "m.p15_broken": (
        "The promise to {rep} ({amount}) was broken.",
        "对{rep}的承诺（{amount}）未兑现。",
    ),
    "s.p16": (
        "A steady routine (1:1s or pipeline review) in {weeks} of {of} weeks.",
        "{of} 周中有 {weeks} 周保持了固定流程（一对一或漏斗审查）。",
    ),
    "s.p17": (
        "Daily plans: {plans} · call analytics: {calls}.",
        "日计划：{plans} · 通话分析：{calls}。",
    ),
    "m.p17_plans": ("Daily plans and notes adopted.", "采用了日计划和笔记。"),
    "m.p17_calls": ("Call analytics adopted.", "采用了通话分析。"),
    "s.p18": (
        "Team goal in {goals} of {periods} periods; {meetings} meetings; {training} training days.",
        "{periods} 期中有 {goals} 期设定团队目标；{meetings} 次会议；{training} 次培训。",
    ),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "story.head": ("{name} — {type}", "{name} — {type}"),
    "story.revealed": (
        "You learnt their type in week {week} (from {by}).",
        "你在第 {week} 周了解到其类型（通过{by}）。",
    ),
    "story.never": ("You never learnt their type.", "你始终不了解其类型。"),
    "story.mood": (
        "Engagement {start} → {end}; {talks} one-on-ones.",
        "敬业度 {start} → {end}；{talks} 次一对一。",
    ),
    "story.lifted": ("Lifted by: {levers}.", "令其振奋：{levers}。"),
    "story.put_off": ("Put off by: {levers}.", "令其不快：{levers}。"),
    "story.left": ("Left in week {week} ({why}).", "第 {week} 周离开（{why}）。"),
    "story.results": ("Results: {items}", "业绩：{items}"),
    "left.resigned": ("resigned", "辞职"),
    "left.let_go": ("let go", "辞退"),
    "ui.week_short": ("wk {week}", "第{week}周"),
}
