"""The week's news: the lines of a week report."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- week report
    "ev.deal_won": ("+ Won {account} {value} ({rep})", "+ 赢单 {account} {value}（{rep}）"),
    "ev.deal_lost": (
        "− Lost {account} {value} ({rep}): {reason}",
        "− 丢单 {account} {value}（{rep}）：{reason}",
    ),
    "ev.deal_dropped": ("− Dropped {account} {value}", "− 放弃 {account} {value}"),
    "ev.resigned": ("! {rep} resigned", "! {rep}辞职了"),
    "quit.no_share": (
        "a deputy with no share of what they built: off to start their own business",
        "担任副手却分不到成果：出去自己创业了",
    ),
    "quit.offer": ("took the outside offer", "接受了外部邀约"),
    "quit.mood": ("their spirits had been low", "此前一直情绪低落"),
    "quit.trust": ("little trust left in you", "对你已没有多少信任"),
    "quit.stress": ("worn out", "身心俱疲"),
    "quit.no_talk": ("no 1:1 with you for weeks", "好几周没和你一对一谈过"),
    "quit.elsewhere": (
        "a better job came along; some leave even when all is well",
        "遇到了更好的机会；即使一切顺利，也总有人会离开",
    ),
    "ev.let_go": ("! {rep} left the team (let go)", "! {rep}被辞退"),
    "ev.hired": (
        "+ {rep} joined the team with {n} accounts to work",
        "+ {rep}加入团队，接手 {n} 个客户",
    ),
    "ev.hired_none": (
        "+ {rep} joined the team with no account to work: give them a territory "
        "(Give accounts, on their desk)",
        "+ {rep}加入团队，但没有客户可跟：请给他分配客户（在其办公桌上点“分配客户”）",
    ),
    "ev.hire_started": ("Position opened: a hire in {weeks} weeks", "职位已开放：{weeks} 周后入职"),
    "ev.hint": ("{rep}: {hint}", "{rep}：{hint}"),
    "ev.type_revealed": ("Assessment: {rep}'s type is {type}", "测评结果：{rep}属于{type}"),
    "ev.flight_risk": ("⚠ {rep} might leave ({risk}% a year)", "⚠ {rep}可能离职（年化 {risk}%）"),
    "ev.stuck_deals": ("{rep} has {n} stuck deals", "{rep}有 {n} 个卡住的项目"),
    "ev.reaction_up": ("▲ {rep} perked up ({lever})", "▲ {rep}受到鼓舞（{lever}）"),
    "ev.reaction_down": ("▼ {rep} was put off ({lever})", "▼ {rep}感到不快（{lever}）"),
    "ev.reaction_flat": ("{rep} shrugged ({lever})", "{rep}无动于衷（{lever}）"),
    "ev.promise_kept": ("✓ Promise to {rep} kept", "✓ 对{rep}的承诺已兑现"),
    "ev.promise_broken": ("× Promise to {rep} broken", "× 对{rep}的承诺未兑现"),
    "ev.promise_due": ("Promise to {rep} is due ({amount})", "对{rep}的承诺到期（{amount}）"),
    "ev.delegation_slip": (
        "× Deputy {rep} made a costly mistake",
        "× 副手{rep}犯了代价高昂的错误",
    ),
    "ev.market_event": ("Market: {event}", "市场：{event}"),
    "ev.inbox": ("→ {title}", "→ {title}"),
    "ev.refused": ("× {action}: {why}", "× {action}：{why}"),
    "ev.period_end": (
        "Period {period} closed: {booked} of {target}",
        "第 {period} 期结束：完成 {booked} / {target}",
    ),
    "ev.contest_won": ("{rep} won the contest", "{rep}赢得了竞赛"),
    "ev.unfair": ("Team noticed unequal treatment", "团队注意到了不公平对待"),
    "ev.answer": ('» {title}: you chose "{choice}"', "» {title}：你选择了“{choice}”"),
    "ev.answer_default": (
        '» {title}: no answer came, so "{choice}"',
        "» {title}：你没有回复，于是“{choice}”",
    ),
    "ev.answer_reply": (" — {reply}", "——{reply}"),
    "ev.answer_up_strong": (" ({rep} is clearly pleased)", "（{rep}明显很高兴）"),
    "ev.answer_up_mild": (" ({rep} perked up a little)", "（{rep}稍受鼓舞）"),
    "ev.answer_down_strong": (" ({rep} took it badly)", "（{rep}很受打击）"),
    "ev.answer_down_mild": (" ({rep} was a little put off)", "（{rep}有些不快）"),
    "ev.unhappy": (
        "▼ {rep} looks unhappy (mood: {band})",
        "▼ {rep}看起来情绪低落（情绪：{band}）",
    ),
    "ev.mood_band_up": (
        "▲ {rep}'s mood is now {band} (was {was})",
        "▲ {rep}的情绪好转为{band}（此前{was}）",
    ),
    "ev.mood_band_down": (
        "▼ {rep}'s mood is now {band} (was {was})",
        "▼ {rep}的情绪降为{band}（此前{was}）",
    ),
    "ev.mood_fell": (
        "▼ {rep}'s mood fell sharply this week (now {band})",
        "▼ {rep}本周情绪明显下滑（现为{band}）",
    ),
    "ev.support_dead": (
        "Support found {account} has gone quiet: the deal was already dead",
        "支持人员发现 {account} 已无回应",
    ),
    "ev.team_meeting_raised": (
        "Team meeting: {names} said they are overloaded",
        "团队会议：{names}负担过重",
    ),
    "lost.competitor": ("a competitor won it", "被竞争对手拿下"),
    "lost.price": ("lost on price", "输在价格上"),
    "lost.no_decision": ("the customer never decided", "客户迟迟未作决定"),
    "lost.budget": ("the customer's budget was cut", "客户预算被砍"),
    "lost.churned": ("the customer went elsewhere for good", "客户已流失"),
    "lost.deputy_mistake": ("your deputy's mistake", "副手失误"),
    "lost.event": ('"{title}"', "“{title}”"),
    "market.price_war": ("a price war", "价格战"),
    "market.budget_freeze": ("budgets frozen", "预算冻结"),
    "market.boom": ("a boom", "市场繁荣"),
    "market.big_tender": ("a big tender", "大型招标"),
    "lever.contest": ("contest", "竞赛"),
    "lever.passed_over": ("being passed over for deputy", "副手之位给了别人"),
    "lever.rival": ("rival", "对手"),
    "lever.praise_public": ("public praise", "公开表扬"),
    "lever.praise_private": ("private praise", "私下表扬"),
    "lever.criticism_public": ("public criticism", "公开批评"),
    "lever.criticism_private": ("private correction", "私下批评"),
    "lever.development_plan": ("development plan", "发展计划"),
    "lever.autonomy": ("autonomy", "放权"),
    "lever.mentor": ("mentoring", "带新人"),
    "lever.deputy": ("deputy role", "副手角色"),
    "lever.honour_veteran": ("being honoured", "受到礼遇"),
    "lever.bonus": ("a bonus", "奖金"),
    "lever.key_account": ("a key account", "负责大客户"),
    # ---------------------------------------------------------------- why: a deal's odds
    "ev.because": (" — {why}", "——{why}"),
    "ev.odds": (" — its win chance moved: {why}", "——赢率变化：{why}"),
    "ev.despite": (" — won despite: {why}", "——虽有不利仍赢下：{why}"),
    "ev.unowned": ("nobody's since its owner left", "原负责人离职后无人跟进"),
    "cause.unowned": ("nobody working it {pts}", "无人跟进 {pts}"),
    "ev.sep": ("; ", "；"),
    "pts": ("{n} pts", "{n} 个百分点"),
    "pt": ("{n} pt", "{n} 个百分点"),
    "cause.joint_visit": ("your joint visit {pts}", "你的陪同拜访 {pts}"),
    "cause.support_key": (
        "{pool} support at the stage this customer decides {pts}",
        "{pool}支持赶上了客户拍板的阶段 {pts}",
    ),
    "cause.support_right": (
        "{pool} support at the right stage {pts}",
        "{pool}支持来得正是时候 {pts}",
    ),
    "cause.support_wrong": (
        "{pool} support at the wrong stage {pts}",
        "{pool}支持来错了阶段 {pts}",
    ),
    "cause.unsupported": (
        "passed the {stage} stage without {pool} support {pts}",
        "{stage}阶段缺了{pool}支持 {pts}",
    ),
    "cause.stall": ("left untouched for weeks {pts}", "数周无人跟进 {pts}"),
    "cause.price_war": ("opened during a price war {pts}", "立项时正逢价格战 {pts}"),
    "cause.event": ('news: "{title}" {pts}', "事件“{title}”{pts}"),
    "cause.event_unknown": ("a turn of events {pts}", "突发变故 {pts}"),
    "cause.selling_up": ("{rep} sells better now {pts}", "{rep}的销售功力见长 {pts}"),
    "cause.selling_down": ("a weaker seller on it now {pts}", "现在跟单的人功力较弱 {pts}"),
    "cause.push_manager": (
        "your push got it worked again after {weeks} weeks untouched",
        "你的督促让它在搁置 {weeks} 周后重新有人跟进",
    ),
    "cause.push_manager_warm": ("your push kept it moving", "你的督促让它保持推进"),
    "cause.push_review": (
        "your pipeline review put it first after {weeks} weeks untouched",
        "你的漏斗检查让它在搁置 {weeks} 周后被优先跟进",
    ),
    "cause.push_review_warm": ("your pipeline review put it first", "你的漏斗检查让它被优先跟进"),
    # ---------------------------------------------------------------- why: a reaction
    "ev.reaction_up_strong": (
        "▲ {rep} perked up, strongly ({lever})",
        "▲ {rep}大受鼓舞（{lever}）",
    ),
    "ev.reaction_up_mild": ("▲ {rep} perked up, mildly ({lever})", "▲ {rep}略受鼓舞（{lever}）"),
    "ev.reaction_down_strong": (
        "▼ {rep} was put off, strongly ({lever})",
        "▼ {rep}相当反感（{lever}）",
    ),
    "ev.reaction_down_mild": (
        "▼ {rep} was put off, mildly ({lever})",
        "▼ {rep}有些不快（{lever}）",
    ),
    "because.praise_again": (
        "the second praise in six weeks counts for less",
        "六周内第二次表扬，分量减半",
    ),
    "because.praise_repeat": (
        "the {nth} praise in six weeks: it rings hollow",
        "六周内第{nth}次表扬，听来空洞",
    ),
    "because.words_no_reward": (
        "words without a real reward wear out",
        "只有口头表扬、没有实际奖励，话就不值钱了",
    ),
    "because.low_trust": ("trust is low: good news lands softly", "信任不足，好话也打了折扣"),
    "because.already_keen": ("already keen: little room to rise", "本已干劲十足，很难再高"),
    "because.criticism_repeat": (
        "the {nth} public rebuke in six weeks: they grow numb",
        "六周内第{nth}次当众批评，已经麻木",
    ),
    "because.correction_repeat": (
        "the {nth} correction in six weeks: it counts for less",
        "六周内第{nth}次纠正，作用递减",
    ),
    "because.on_pace": (
        "a correction while on course for {pace} of quota feels unfair",
        "按进度可完成指标的 {pace}，还被纠正，觉得不公平",
    ),
    "because.small_reward": (
        "a small sum ({amount}) counts for little",
        "金额太小（{amount}），分量不够",
    ),
    "ord.2": ("second", "二"),
    "ord.3": ("third", "三"),
    "ord.4": ("fourth", "四"),
    "ord.5": ("fifth", "五"),
    "ord.6": ("sixth", "六"),
    "ord.n": ("{n}th", "{n}"),
    # ---------------------------------------------------------------- one standard for all
    "ev.unfair_named": (
        "The team noticed: {first} was {first_did} and {second} {second_did}, with results "
        "alike (on course for {first_pace} and {second_pace} of quota)",
        "团队注意到：{first}被{first_did}，{second}却被{second_did}，"
        "而两人业绩相近（按进度可分别完成指标的 {first_pace} 和 {second_pace}）",
    ),
    "fb.praise_public": ("praised in public", "当众表扬"),
    "fb.praise_private": ("praised in private", "私下表扬"),
    "fb.criticism_public": ("criticised in public", "当众批评"),
    "fb.criticism_private": ("corrected in private", "私下纠正"),
    # ---------------------------------------------------------------- a pace that fell
    "ev.pace_fall": (
        "⚠ {rep} is now on course for only {now} of quota ({before}) — {signs}",
        "⚠ {rep}按目前进度只能完成指标的 {now}（{before}）——{signs}",
    ),
    "fall.from_period": ("last period: {pct} of quota", "上期完成指标的 {pct}"),
    "fall.from_peak": ("{pace} earlier this period", "本期早些时候为 {pace}"),
    "fall.signs": ("signs you could see: {list}", "看得到的迹象：{list}"),
    "fall.none": (
        "no sign you could have seen: deals come in lumps",
        "事先看不出迹象：项目成单本来就有起伏",
    ),
    "fall.quota_high": ("a quota {ratio}× last period's result", "指标是上期业绩的 {ratio} 倍"),
    "fall.low_mood": ("low spirits", "情绪低落"),
    "fall.low_confidence": ("doubts about making quota", "对完成指标缺乏信心"),
    "fall.big_loss": ("lost {account} {value}", "丢了 {account} {value}"),
    "fall.stuck": ("{n} deals stuck for weeks", "{n} 个项目停滞数周"),
    "fall.overloaded": ("an overloaded funnel ({n} open deals)", "漏斗过载（{n} 个在跟项目）"),
    "fall.contest_bottom": ("in the contest's bottom half", "竞赛排名落在后半"),
    "fall.no_talk": ("no 1:1 for {weeks} weeks", "{weeks} 周没有一对一面谈"),
    # ---------------------------------------------------------------- what the tools produced
    "ev.analytics": (
        "Call analytics, each one's weakest skill: {list}",
        "通话分析，各人最弱的技能：{list}",
    ),
    "ev.analytics_item": ("{rep} ({skill})", "{rep}（{skill}）"),
    "ev.coaching_aimed": (
        "Coaching {rep} in {skill} (their weakest skill, per call analytics): {pct}% more learnt",
        "按通话分析找出的短板辅导{rep}的{skill}：多学到 {pct}%",
    ),
    "ev.team_training": (
        "Team training in {skill}: all {n} reps a little better",
        "{skill}团队培训：全部 {n} 人都有长进",
    ),
    "ev.team_training_some": (
        "Team training in {skill}: {learnt} of {n} reps a little better (the rest are near "
        "their best)",
        "{skill}团队培训：{n} 人中 {learnt} 人有长进（其余已接近上限）",
    ),
    "ev.team_goal": (
        "A clear team goal for the period: the team pulls together (cohesion up)",
        "本期定下清晰的团队目标：大家更齐心了（凝聚力上升）",
    ),
    "ev.team_meeting": (
        "Team meeting: nobody raised a problem; the team drew closer",
        "团队会议：无人提出问题，团队更团结了",
    ),
    "ev.team_meeting_again": ("a meeting again so soon adds less", "会开得太密，效果减半"),
    "ev.support_key": (
        "Support from {pool} reached {account}{owner} at the {stage} stage, the stage this "
        "customer's decision turns on: win chance {pts}",
        "{pool}在{stage}阶段支持 {account}{owner}，正是客户拍板的环节：赢率 {pts}",
    ),
    "ev.support_right": (
        "Support from {pool} reached {account}{owner} at the {stage} stage, the stage it "
        "serves: win chance {pts}",
        "{pool}在{stage}阶段支持 {account}{owner}，时机正好：赢率 {pts}",
    ),
    "ev.support_wrong": (
        "Support from {pool} reached {account}{owner} only at the {stage} stage, not the one "
        "it serves (a queue, or asked at the wrong time), so it did little: win chance {pts}",
        "{pool}到{stage}阶段才支持 {account}{owner}，不是它该出力的阶段（排队或请求时机不对），"
        "作用有限：赢率 {pts}",
    ),
    "ev.mood_context": (" — their week: {list}", "——本周：{list}"),
    "ctx.won": ("a deal won", "赢下一单"),
    "ctx.lost": ("a deal lost", "丢了一单"),
    "ev.deal_of": (" ({rep}'s deal)", "（{rep}的项目）"),
    "ev.support_wasted": (
        "Support from {pool} came too late: {account} had already closed",
        "{pool}支持来得太晚：{account} 已经结束",
    ),
}
