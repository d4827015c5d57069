"""The game's screens: title, picker, briefing, the desk, its cards, tabs and reviews."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- title
    "app.name": ("salesim", "销售经理模拟"),
    "app.tagline": (
        "You have just been promoted to lead a sales team.",
        "你刚刚被提拔为销售团队的经理。",
    ),
    "title.new": ("New game", "新游戏"),
    "title.continue": ("Continue", "继续"),
    "title.load": ("Load game", "读取存档"),
    "title.language": ("中文", "English"),
    "title.quit": ("Quit", "退出"),
    "title.no_save": ("No game in progress to continue.", "没有可继续的游戏。"),
    "title.saved_at": ("Last save: {title}, {week}", "上次存档：{title}，{week}"),
    "load.week": ("week {week}", "第 {week} 周"),
    "load.finished": ("finished", "已结束"),
    "load.overwrite_title": ("Play this scenario again?", "重新开始这个场景？"),
    "load.overwrite": (
        'You already have a game of this scenario on the same seed (save "{name}"). '
        "Starting anew writes over it. To keep it, cancel and open it from Load.",
        "你已有一局相同场景、相同种子的存档（“{name}”）。重新开始会覆盖它。"
        "如要保留，请取消并从“读取存档”打开。",
    ),
    "load.overwrite_yes": ("Start anew", "重新开始"),
    "load.title": ("Load a saved game", "读取存档"),
    "load.path": ("Save file", "存档文件"),
    "load.open": ("Open", "打开"),
    "load.none": ("No save files in {folder}", "{folder} 中没有存档"),
    "load.error": ("This save cannot be opened: {why}", "无法打开此存档：{why}"),
    # ---------------------------------------------------------------- picker
    "picker.title": ("Choose a scenario", "选择场景"),
    "picker.difficulty": ("Difficulty: {level}", "难度：{level}"),
    "picker.weeks": ("{weeks} weeks · {team} reps", "{weeks} 周 · {team} 名销售"),
    "picker.teaches": ("Teaches: {lessons}", "教学要点：{lessons}"),
    "picker.start": ("Start", "开始"),
    "chooser.none": ("None of these is possible now: {why}", "目前都无法执行：{why}"),
    "picker.error": ("This scenario cannot be loaded:", "无法加载此场景："),
    "difficulty.easy": ("easy", "简单"),
    "difficulty.medium": ("medium", "中等"),
    "difficulty.hard": ("hard", "困难"),
    # ---------------------------------------------------------------- briefing
    "brief.title": ("Your briefing", "任务简报"),
    "brief.team": ("Your team", "你的团队"),
    "brief.target": ("Team target", "团队目标"),
    "brief.market": ("The market", "市场"),
    "brief.period_targets": ("Targets by period: {targets}", "各期目标：{targets}"),
    "brief.budget": (
        "{hours} h of your time a week · budget {budget} a period · up to {max} people",
        "每周可用 {hours} 小时 · 每期预算 {budget} · 最多 {max} 人",
    ),
    "brief.rep_line": ("{name} · {years} yrs{veteran}", "{name} · {years} 年{veteran}"),
    "brief.veteran": (" · veteran", " · 老员工"),
    "brief.novice": (" · novice", " · 新人"),
    "brief.segments": ("{n} accounts in {segments}", "{n} 个客户，分布于：{segments}"),
    "brief.pools": ("Support: {pools}", "支持资源：{pools}"),
    "brief.begin": ("Go to the desk", "开始工作"),
    # ---------------------------------------------------------------- desk header
    "ui.week_of": ("Week {week} / {weeks}", "第 {week} / {weeks} 周"),
    "ui.period": ("Period {period}", "第{period}期"),
    "ui.target_bar": (
        "Target {target} · {pct}% booked",
        "本期目标 {target} · 已完成 {pct}%",
    ),
    "ui.hours": ("Hours left {left} / {total}", "剩余时间 {left} / {total} 小时"),
    "ui.target_short": ("Target {target} · {pct}%", "目标 {target} · {pct}%"),
    "ui.hours_short": ("{left} / {total} h left", "剩 {left} / {total} 小时"),
    "ui.budget_short": ("Budget {left}", "预算 {left}"),
    "ui.budget": ("Budget {left} left", "预算剩 {left}"),
    "ui.inbox_n": ("Inbox {n}", "待办 {n}"),
    "ui.end_week": ("End week ▶", "结束本周 ▶"),
    "ui.end_week_tip": (
        "Carry out the plan and let the week run (Space).",
        "执行计划，让这一周过去（空格键）。",
    ),
    "ui.menu": ("Menu", "菜单"),
    "ui.save_as_label": (
        "Saved every week under this name; type another to keep a copy.",
        "每周自动保存为此名；输入新名字可另存一份。",
    ),
    "ui.save_as": ("Save as", "另存为"),
    "ui.save_as_bad": ("A save's name needs letters or digits.", "存档名需要包含字母或数字。"),
    "ui.save_as_exists": (
        'A save named "{name}" exists already. Write over it?',
        "已有名为“{name}”的存档。要覆盖吗？",
    ),
    "ui.saved_as": (
        'Saved as "{name}"; the game goes on saving there.',
        "已另存为“{name}”，此后保存到该存档。",
    ),
    "ui.save_quit": ("Save & quit to title", "保存并返回标题"),
    "ui.menu_body": (
        "The game saves itself at the end of every week. Save & quit returns to the title "
        "screen, where Continue picks up exactly here.",
        "游戏每周结束时自动保存。“保存并返回标题”后，在标题画面点“继续”即可从这里接着玩。",
    ),
    "ui.admin": ("Admin & meetings: {hours} h", "行政与例会：{hours} 小时"),
    "ui.at_week": ("{week}: {text}", "{week}：{text}"),
    "load.damaged": ("{name}: this save file cannot be read", "{name}：此存档文件无法读取"),
    "ui.saved": ("Saved.", "已保存。"),
    "ui.back": ("Back", "返回"),
    "ui.close": ("Close", "关闭"),
    "ui.ok": ("OK", "确定"),
    "ui.cancel": ("Cancel", "取消"),
    "ui.remove": ("×", "×"),
    "ui.remove_tip": ("Take this action back", "撤回此行动"),
    "ui.unknown": ("?", "？"),
    "tab.desk": ("Desk", "办公桌"),
    "tab.pipeline": ("Pipeline", "销售漏斗"),
    "tab.accounts": ("Accounts", "客户档案"),
    "tab.quotas": ("Quotas", "指标"),
    "tab.inbox": ("Inbox", "待办"),
    "tab.charts": ("Charts", "图表"),
    "ui.team": ("TEAM", "团队"),
    "ui.plan": ("THIS WEEK'S PLAN", "本周计划"),
    "ui.plan_empty": ("Nothing planned yet.", "尚无计划。"),
    "ui.hours_left": ("left {hours} h · {money}", "剩余 {hours} 小时 · {money}"),
    "ui.last_week": ("LAST WEEK", "上周"),
    "ui.nothing_happened": ("A quiet week.", "平静的一周。"),
    "ui.planned": ("Planned: {what}", "已计划：{what}"),
    "ui.refused": ("Not possible: {why}", "无法执行：{why}"),
    # ---------------------------------------------------------------- rep card & detail
    "card.mood": ("mood {mood}", "情绪 {mood}"),
    "card.attain": ("quota {pct}%", "完成 {pct}%"),
    "card.pipe": ("pipeline {value}", "漏斗 {value}"),
    "card.pipe_tip": (
        "Pipeline: each open deal's value × the win chance you were told.",
        "漏斗：每个在谈项目的金额 × 汇报的赢率。",
    ),
    "card.stalled": ("⚠ {n} stalled", "⚠ {n} 停滞"),
    "card.stalled_tip": (
        "⚠ {n} deals stalled: untouched or stuck at a stage for weeks",
        "⚠ {n} 个项目停滞：数周无人跟进或卡在某一阶段",
    ),
    "card.risk_tip": (
        "⚠ may leave: a 1:1 surfaced a real risk of resigning",
        "⚠ 可能离职：一对一面谈中发现了离职风险",
    ),
    "card.ramping_tip": (
        "ramping up: new, selling at part speed for some months",
        "熟悉中：新人，头几个月只有部分产能",
    ),
    "card.risk": ("⚠ may leave", "⚠ 可能离职"),
    "card.type": ("type: {type}", "类型：{type}"),
    "card.type_unknown": ("type: ? ({n} hints)", "类型：？（{n} 条线索）"),
    "card.type_short": ("type ? ({n} hints)", "类型？（{n} 条线索）"),
    "card.read_short": ("{type}?", "{type}？"),
    "card.your_read": ("your read: {type}", "你的判断：{type}"),
    "pick.no_read": ("No read yet (take it back)", "暂不判断（撤回）"),
    "card.ramping": ("ramping up", "熟悉中"),
    "mood.good": ("▲ good", "▲ 良好"),
    "mood.fair": ("≈ fair", "≈ 一般"),
    "mood.low": ("▼ low", "▼ 低落"),
    "moodword.good": ("good", "良好"),
    "moodword.fair": ("fair", "一般"),
    "moodword.low": ("low", "低落"),
    "detail.head": (
        "{name} · {years} yrs{veteran} · {type}",
        "{name} · {years} 年{veteran} · {type}",
    ),
    "detail.numbers": (
        "Quota {quota} · booked {booked} ({pct}%) · on course for {pace} · "
        "{deals} deals · {accounts} accounts",
        "指标 {quota} · 已签 {booked}（{pct}%）· 按进度可完成 {pace} · {deals} 个在谈项目 · "
        "{accounts} 个客户",
    ),
    "detail.hints": ("Hints: {hints}", "线索：{hints}"),
    "detail.no_hints": ("No hints yet: talk to them.", "暂无线索：多和他们谈谈。"),
    "detail.roles": ("In place: {roles}", "已安排：{roles}"),
    "detail.last_1on1": ("Last 1:1: week {week}", "上次一对一：第 {week} 周"),
    "detail.never_1on1": ("No 1:1 yet", "尚未一对一面谈"),
    "role.deputy": ("deputy", "副手"),
    "role.profit_share": ("profit share", "利润分成"),
    "role.mentor_of": ("mentors {name}", "指导{name}"),
    "role.mentored_by": ("mentored by {name}", "由{name}指导"),
    "role.rival": ("rival: {name}", "对手：{name}"),
    "role.autonomy": ("autonomy", "自主"),
    "role.dev_plan": ("development plan", "发展计划"),
    "role.key_accounts": ("{n} key accounts", "{n} 个大客户"),
    "group.talk": ("Talk", "沟通"),
    "group.grow": ("Grow", "培养"),
    "group.motivate": ("Motivate", "激励"),
    "group.organise": ("Organise", "组织"),
    "group.deals": ("Deals", "项目"),
    "group.people": ("People", "人事"),
    "group.team": ("Team", "团队"),
    "pick.public": ("in public", "公开"),
    "pick.private": ("in private", "私下"),
    "pick.review_plain": ("talk it through, no praise or correction", "只谈结果，不表扬也不批评"),
    "pick.unowned": ("{n} accounts nobody looks after", "{n} 个无人跟进的客户"),
    "pick.share": (
        "A fair share: {n} quiet accounts from the largest books ({who})",
        "公平分配：从客户最多的人手中调出 {n} 个暂无项目的客户（{who}）",
    ),
    "pick.promise_quota": (
        "{amount} if they make this period's quota (settled in week {week})",
        "完成本期指标则奖励 {amount}（第 {week} 周兑现）",
    ),
    "pick.promise_none": (
        "{amount} whatever happens (paid by week {week})",
        "无条件奖励 {amount}（第 {week} 周前兑现）",
    ),
    "pick.choose": ("Choose…", "选择…"),
    "pick.amount": ("Amount", "金额"),
    "pick.deal": ("Deal", "项目"),
    "pick.account": ("Account", "客户"),
    "pick.who": ("Who", "人选"),
    "cost.hours": ("{hours} h", "{hours} 小时"),
    "cost.both": ("{hours} h · {money}", "{hours} 小时 · {money}"),
    "tip.cost": ("Costs {cost}. {purpose}", "花费 {cost}。{purpose}"),
    # ---------------------------------------------------------------- pipeline, accounts, quotas
    "pipe.head": ("{rep}: {n} open deals · {value}", "{rep}：{n} 个在谈项目 · {value}"),
    "pipe.account": ("Account", "客户"),
    "pipe.value": ("Value", "金额"),
    "pipe.stage": ("Stage", "阶段"),
    "pipe.touch": ("Last touch", "上次跟进"),
    "pipe.chance": ("Chance", "赢率"),
    "pipe.days": ("{days} d", "{days} 天"),
    "pipe.mark15": ("⚠15", "⚠15"),
    "pipe.mark30": ("×30", "×30"),
    "pipe.reviewed": ("✓ reviewed", "✓ 已审查"),
    "pipe.quiet": ("no reply", "无回应"),
    "pipe.orphans": ("Nobody's deals", "无人负责的项目"),
    "pipe.no_orphans": (
        "Every open deal has an owner. Deals become nobody's when their rep leaves.",
        "所有在谈项目都有人负责。销售离职后，其项目才会无人负责。",
    ),
    "pipe.none": (
        "No open deals: leads come from their accounts week by week.",
        "暂无在谈项目：线索会从其客户中逐周产生。",
    ),
    "pipe.legend": (
        "⚠15 untouched 15+ days: re-check · ×30 untouched 30+ days: judge, drop if dead · "
        "✓ chance checked in a review",
        "⚠15 超 15 天未跟进：复查 · ×30 超 30 天未跟进：判断意向，无望则放弃 · ✓ 赢率已审查",
    ),
    "pipe.funnel": ("Funnel by stage", "各阶段漏斗"),
    "acc.name": ("Account", "客户"),
    "acc.owner": ("Owner", "负责人"),
    "acc.segment": ("Segment", "行业"),
    "acc.potential": ("Potential", "潜力"),
    "acc.relationship": ("Relation", "关系"),
    "acc.contact": ("Last contact", "上次联系"),
    "acc.deals": ("Deals", "项目"),
    "acc.nobody": ("—", "—"),
    "acc.key": ("★", "★"),
    "acc.lost": ("lost", "已流失"),
    "acc.days_ago": ("{days} d ago", "{days} 天前"),
    "acc.shown": (
        "{shown} of {total} accounts, by {order}",
        "显示 {shown} / {total} 个客户，按{order}排序",
    ),
    "acc.open_tip": ("Open the account's file: its history.", "打开客户档案：查看历史记录。"),
    "acc.file_line": (
        "Owner {owner} · {segment} · potential {potential} · relationship {relationship} · "
        "decides {style} · won so far {won}",
        "负责人 {owner} · {segment} · 潜力 {potential} · 关系 {relationship} · "
        "决策方式：{style} · 累计赢单 {won}",
    ),
    "acc.no_history": ("Nothing on file yet.", "暂无记录。"),
    "hist.opportunity": ("a new opportunity", "新商机"),
    "hist.won": ("deal won", "赢单"),
    "hist.lost": ("deal lost", "丢单"),
    "hist.dropped": ("deal dropped", "放弃项目"),
    "hist.churned": ("the customer left", "客户流失"),
    "hist.upset": ("upset by a deputy's mistake", "因副手失误而不满"),
    "style.consensus": ("by consensus", "集体决策"),
    "style.top_down": ("top-down", "一把手拍板"),
    "style.technical": ("on technical merit", "看重技术"),
    "style.price_driven": ("on price", "看重价格"),
    "pipe.by_stage": (
        "By stage: {stages} · expected {expected} (value × reported chance)",
        "各阶段：{stages} · 预期 {expected}（金额 × 汇报赢率）",
    ),
    "quota.title": ("Quotas for period {period}", "第 {period} 期指标"),
    "quota.closed": (
        "Quotas are set in the first weeks of a period (next: week {week}).",
        "指标在每期开始的几周内设定（下次：第 {week} 周）。",
    ),
    "quota.history": ("Quota→booked: {items}", "指标→完成：{items}"),
    "quota.no_history": ("no history", "无历史记录"),
    "quota.sum": (
        "Sum {sum} · team target {target} ({pct}%)",
        "合计 {sum} · 团队目标 {target}（{pct}%）",
    ),
    "quota.far": ("⚠ far from their record", "⚠ 与过往业绩差距大"),
    "review.far": ("⚠ far from record", "⚠ 与业绩差距大"),
    "quota.apply": ("Plan these quotas", "计划这些指标"),
    "quota.entry_tip": (
        "Quotas in thousands (k); Tab moves to the next field. Their record is beside each name.",
        "指标单位：万；按 Tab 到下一栏。每人名字旁是其过往业绩。",
    ),
    "quota.unit": ("k", "万"),
    "quota.bad": ("'{text}' is not an amount", "“{text}”不是有效金额"),
    "inbox.empty": ("No messages.", "没有消息。"),
    "inbox.due": ("answer by week {week}", "请在第 {week} 周内回复"),
    "inbox.due_now": ("answer this week", "请在本周内回复"),
    "inbox.planned": (
        "your answer, in this week's plan: {choice}",
        "你的回复（已列入本周计划）：{choice}",
    ),
    "inbox.answered": ("answered: {choice}", "已回复：{choice}"),
    "inbox.expired": ("unanswered", "未回复"),
    "inbox.costs": ("costs {cost}", "花费 {cost}"),
    "inbox.promise": ("makes a promise", "作出承诺"),
    "chart.revenue": ("Revenue vs target (cumulative)", "累计收入与目标"),
    "chart.funnel": (
        "Open deals by stage, qualification → signing",
        "各阶段在谈项目：资格确认 → 签约",
    ),
    "chart.mood": ("Team mood (as you see it)", "团队情绪（你观察到的）"),
    "chart.revenue_now": (
        "— booked {booked}  ··· target {target} (to date)",
        "— 累计已签 {booked}  ··· 累计目标 {target}",
    ),
    "chart.revenue_start": ("This period's target: {target}", "本期目标：{target}"),
    "chart.funnel_now": (
        "Open deals by stage: {n} worth {value}",
        "各阶段在谈项目：{n} 个，共 {value}",
    ),
    "chart.compare_legend": (
        "Revenue: you — · by the book - - · target ···",
        "收入：你 — · 按手册 - - · 目标 ···",
    ),
    # ---------------------------------------------------------------- reviews
    "review.title": ("Period {period} reviews", "第 {period} 期评估"),
    "review.intro": (
        "The period is over. Review each rep: praise or correct, in public or in private; "
        "set the next quota; keep what you promised.",
        "本期结束。逐一评估：表扬或指正（公开或私下）、设定下期指标、兑现你的承诺。",
    ),
    "review.closing_title": (
        "Closing reviews · Period {period}",
        "期末评估 · 第 {period} 期",
    ),
    "review.closing_intro": (
        "The season ends this week. Review each rep on their results so far and keep what "
        "you promised; the debrief follows this week.",
        "本赛季于本周结束。按目前业绩逐一评估，兑现你的承诺；本周结束后进入复盘。",
    ),
    "review.result": (
        "{name}: {booked} of {quota} ({pct}%)",
        "{name}：完成 {booked} / {quota}（{pct}%）",
    ),
    "review.result_so_far": (
        "{name}: {booked} of {quota} so far ({pct}%)",
        "{name}：目前完成 {booked} / {quota}（{pct}%）",
    ),
    "review.praise": ("Praise", "表扬"),
    "review.correct": ("Correct", "指正"),
    "review.plain": ("No verdict", "不作评价"),
    "review.in_public": ("In public", "当众"),
    "review.in_private": ("In private", "私下"),
    "review.public_tip": (
        "Click to switch: the review's praise or correction given in front of the team, "
        "or one to one.",
        "点击切换：在团队面前还是一对一地给出表扬或指正。",
    ),
    "why.review_praise": (
        "Name what they did well this period. One hour.",
        "具体说出本期做得好的地方。1 小时。",
    ),
    "why.review_criticism": (
        "Go through what fell short and agree what changes. One hour.",
        "梳理不足之处并商定改进。1 小时。",
    ),
    "why.review_plain": (
        "Go through the period together without praise or correction. One hour.",
        "一起回顾本期，不作表扬或指正。1 小时。",
    ),
    "review.done_in": ("Reviewed in week {week}.", "已于第 {week} 周评估。"),
    "review.keep": ("Keep promise ({amount})", "兑现承诺（{amount}）"),
    "review.keep_tip": (
        "Deliver what you promised (due in week {week}).",
        "兑现你的承诺（第 {week} 周到期）。",
    ),
    "review.done": ("Done: to the desk", "完成：回到办公桌"),
    "review.next_quota": ("Quota for period {period} (k)", "第 {period} 期指标（万）"),
    "review.record": ("booked {last} last period", "上期完成 {last}"),
    "review.all_done": (
        "Everyone has had their review (see below). Set the next quotas and keep what you "
        "promised.",
        "每个人都已评估（见下）。请设定下期指标，兑现你的承诺。",
    ),
    "review.promise_note": (
        "Promise only what you can pay: a broken promise costs more than none.",
        "只承诺你兑现得了的：失信比不承诺代价更大。",
    ),
    "review.no_record": ("no record yet", "尚无业绩记录"),
    "review.quota_sum": (
        "Period {period} quotas: {sum} against the team target {target} ({pct}%)",
        "第 {period} 期指标合计 {sum}，团队目标 {target}（{pct}%）",
    ),
    "review.promise_quota": (
        "{amount} if they make the period {period} quota (settled in week {week})",
        "完成第 {period} 期指标则奖励 {amount}（第 {week} 周兑现）",
    ),
    "review.promise_none": (
        "{amount} whatever happens (paid by week {week})",
        "无条件奖励 {amount}（第 {week} 周前兑现）",
    ),
    # ---------------------------------------------------------------- the guided weeks
    "tour.goal": ("This week's goal", "本周目标"),
    "tour.goal_done": ("✓ Goal met", "✓ 目标已完成"),
    "tour.locked": (
        "opens in week {week} of the tutorial: one thing at a time",
        "教程第 {week} 周开放：一次学一样",
    ),
    "tour.coach": ("Coach: {note}", "教练：{note}"),
    "tour.button": ("Tour", "导览"),
    "tour.page": ("Tour {n} / {total}: {title}", "导览 {n} / {total}：{title}"),
    "tour.next": ("Next ▶", "下一步 ▶"),
    "tour.close": ("Close", "关闭"),
    "tour.talk.title": ("Talk to your people", "和下属谈话"),
    "tour.talk.goal": (
        "Hold a 1:1 with at least two reps: select a card on the left, then 1:1.",
        "至少和两名销售一对一面谈：在左侧选一张卡片，再点“一对一”。",
    ),
    "tour.talk.note": (
        "1:1s build trust and bring out what drives each person (P3, P18). Read the hints "
        "on each rep's desk: in other games nobody tells you their type.",
        "一对一面谈建立信任，也让你了解每个人的驱动力（P3、P18）。留意每人办公桌上的线索："
        "在其他场景里，没人会告诉你他们的类型。",
    ),
    "tour.quotas.title": ("Set realistic quotas", "设定切实的指标"),
    "tour.quotas.goal": (
        "Open the Quotas tab and plan each rep's quota: a little above their record.",
        "打开“指标”页，为每个人设定指标：略高于其过往业绩。",
    ),
    "tour.quotas.note": (
        "A quota a little above what someone can do lifts their effort; one far above it "
        "makes them give up, and one below it lets them coast (P2).",
        "略高于能力的指标能激发干劲；高得离谱会让人放弃，过低则让人松懈（P2）。",
    ),
    "tour.types.title": ("Use what drives each person", "因人施策"),
    "tour.types.goal": (
        "Pull a lever that fits one rep's type: a contest or rival for the competitor, a "
        "development plan for the achiever, a mentee for the ego-driven rep.",
        "为某人用上对路的手段：给竞争型办竞赛或设对手，给成就型做发展计划，让自我欣赏型带新人。",
    ),
    "tour.types.note": (
        "The same lever lifts one type and puts off another (P4–P7). Watch the reactions in "
        "the week's report: strongly, mildly, or not at all, and why.",
        "同一手段对不同类型效果相反（P4–P7）。看周报里的反应：强烈、一般还是没有，以及原因。",
    ),
    "tour.deals.title": ("Work the deals", "经营项目"),
    "tour.deals.goal": (
        "On the Pipeline tab, review a rep's funnel, or visit a customer with them.",
        "在“销售漏斗”页审查某人的漏斗，或陪同拜访客户。",
    ),
    "tour.deals.note": (
        "1-15-30: a deal untouched for 15 days needs a check, for 30 days a judgement (P10). "
        "Your visit and support at the stage that decides lift the win chance (P11, P12).",
        "1、15、30 法则：15 天未跟进的项目要复查，30 天的要判断去留（P10）。"
        "在关键阶段陪访和支持能提高赢率（P11、P12）。",
    ),
    "tour.hand_over.title": ("Hand over, and hear the team", "授权，并倾听团队"),
    "tour.hand_over.goal": (
        "Delegate a task to a deputy with light supervision, or hold a team meeting.",
        "把一项工作交给副手并适度监督，或召开一次团队会议。",
    ),
    "tour.hand_over.note": (
        "Everything is open now. A deputy saves you hours but needs supervision and a share "
        "of what they add (P13, P14); a meeting lets problems surface early (P18).",
        "现在全部开放了。副手能省下时间，但需要监督，也要分享其创造的价值（P13、P14）；"
        "团队会议让问题早些暴露（P18）。",
    ),
}
