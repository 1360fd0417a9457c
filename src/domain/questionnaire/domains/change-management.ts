import type { DomainDefinition } from '../types';

const domain = 'change-management' as const;

export const changeManagement: DomainDefinition = {
  id: domain,
  name: 'Change Management & Implementation',
  description:
    'Whether the company can actually carry out the changes it decides on: enough capacity, disciplined execution, people brought along, and changes that stick.',
  questions: [
    {
      id: 'chg-01',
      domain,
      topic: 'track record of change',
      prompt:
        'Think of the last three significant changes you tried to make (a new system, process or structure). How did they go?',
      options: [
        'All three were delivered roughly on time and budget and are still working as intended',
        'Most were delivered, with some delay or rework',
        'Results were mixed; at least one was abandoned or only half adopted',
        'Most stalled or were quietly dropped',
        'We have not successfully completed a significant change in the last two years',
      ],
      followUps: [
        { id: 'chg-01-f1', prompt: 'What got in the way of the change that went least well?' },
        { id: 'chg-01-f2', prompt: 'What would you do differently next time?' },
      ],
      weakPractice:
        'Significant changes regularly stall or are abandoned, so decisions do not turn into results.',
      strength: 'A track record of delivering significant changes that stick.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Hold a lessons-learned session on a stalled change',
          action:
            'Bring together the people involved in a change that stalled and ask what helped, what got in the way and what to do differently. Turn the answers into a checklist for the next change.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Use a standard change plan',
          action:
            'For every significant change, write a one-page plan: why, what changes for whom, sponsor, milestones, how adoption will be measured and what will be stopped to make room.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'chg-02',
      domain,
      topic: 'capacity for change',
      prompt:
        'How many significant change initiatives are running at the same time, compared with what your team can absorb?',
      options: [
        'We deliberately limit change to what teams can absorb and sequence the rest',
        'We run a manageable number, with occasional overload in some teams',
        'Several initiatives compete for the same people and progress slowly',
        'Too many initiatives are running at once; people are exhausted and most are behind',
        'We start new initiatives constantly and finish very few',
      ],
      followUps: [
        {
          id: 'chg-02-f1',
          prompt: 'How many initiatives are running now, and which people are on most of them?',
        },
      ],
      weakPractice:
        'More change is started than the team can absorb, so initiatives crawl and people burn out.',
      strength: 'Change is limited to what teams can absorb and sequenced deliberately.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Count and pause initiatives',
          action:
            'List every initiative in flight with the people on it. Pause enough of them that no key person works on more than two alongside their day job.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Create a single initiative roadmap',
          action:
            'Keep one roadmap of all change initiatives, sequenced by priority and capacity, and require leadership approval to start anything new.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'chg-03',
      domain,
      topic: 'execution discipline',
      prompt: 'How are change initiatives planned and tracked once they start?',
      options: [
        'Each initiative has an owner, milestones and a weekly status that leadership reviews; slippage is escalated early',
        'Initiatives have owners and plans, reviewed monthly',
        'Plans exist at the start but are rarely updated',
        'Progress is tracked only by asking people in meetings',
        'We often find out months later that an initiative has stopped',
      ],
      weakPractice:
        'Initiatives are not tracked after launch, so slippage is discovered too late to recover.',
      strength: 'Owned initiatives with milestones and regular, visible status reviews.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Start a weekly one-line status report',
          action:
            'Ask each initiative owner for a weekly one-line update with a red, amber or green status and the next milestone, collected in one shared place.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Review initiatives monthly as a leadership team',
          action:
            'Spend part of each monthly leadership meeting on initiatives that are amber or red, agreeing decisions to unblock them or stop them.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'chg-04',
      domain,
      topic: 'stakeholder buy-in',
      prompt: 'How do you involve the people affected by a change before it happens?',
      options: [
        'Affected people help design the change; we identify supporters and resisters early and address concerns',
        'We consult key people before launch',
        'We announce changes and answer questions afterwards',
        'Changes are imposed and people work around them',
        'Past changes have provoked open resistance or departures',
      ],
      weakPractice:
        'Changes are imposed without involving the people affected, so they are resisted or worked around.',
      strength: 'Affected people help design changes and concerns are addressed early.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map who is affected and how',
          action:
            'For the next planned change, list the groups affected, what changes for each, their likely reaction, and who should be involved in the design.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Recruit change champions',
          action:
            'Invite respected people from affected teams to help shape and test the change, and use them to gather feedback during roll-out.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'chg-05',
      domain,
      topic: 'change communication',
      prompt: 'How are changes explained to the team?',
      options: [
        'A planned message explains why, what and when, delivered by leaders and repeated by managers, with a way to ask questions',
        'Changes are announced clearly with the reasons',
        'Changes are announced by email with little explanation',
        'People often hear about changes through rumour first',
        'People are regularly surprised by changes that affect their work',
      ],
      weakPractice:
        'Changes are poorly explained, so people hear through rumour and resist what they do not understand.',
      strength: 'Planned, repeated communication of the why, what and when of each change.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a change briefing template',
          action:
            'Use a one-page template for every change: why we are doing it, what changes for you, when, what support is available and who to ask.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Cascade changes through managers',
          action:
            'Brief managers before any announcement, give them the key messages and answers to likely questions, and ask them to discuss the change in team meetings within a week.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'chg-06',
      domain,
      topic: 'leadership sponsorship',
      prompt: 'Do major changes have a senior sponsor with the time to see them through?',
      options: [
        'Every major change has a senior sponsor with time set aside who stays visible until it is embedded',
        'Sponsors are named and mostly stay involved',
        'Sponsors launch changes but move on quickly to other things',
        'Everything depends on the founder, who has no spare time',
        'Nobody at senior level owns change; it is delegated and then forgotten',
      ],
      followUps: [
        {
          id: 'chg-06-f1',
          prompt: 'How many hours a week could your leaders realistically give to a major change?',
        },
      ],
      weakPractice: 'Major changes lack a senior sponsor with time, so they lose momentum after launch.',
      strength: 'Visible senior sponsors with time set aside for each major change.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Name a sponsor for each major change',
          action:
            'Assign one senior leader per major change, set aside time in their diary each week, and make them accountable for adoption, not just launch.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Free up founder time for change leadership',
          action:
            'Delegate routine decisions and operational tasks from the founder so they can sponsor the one or two changes that matter most.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'chg-07',
      domain,
      topic: 'embedding change',
      prompt: 'After a change goes live, how do you make sure it sticks?',
      options: [
        'We measure adoption against a target, support people through the transition, and switch off the old way',
        'We check adoption for a few months after launch',
        'We assume it has worked once it goes live',
        'People often drift back to the old way within months',
        'We run old and new ways side by side indefinitely',
      ],
      weakPractice: 'Changes are not embedded after go-live, so people drift back to old ways.',
      strength: 'Adoption is measured after go-live and the old way is switched off.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Define an adoption measure for each change',
          action:
            'For each live change, choose one measure that shows it is being used (for example share of orders through the new system) and check it monthly.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Set a switch-off date for the old way',
          action:
            'Agree a date after which the old process or system is no longer available, with support in place for people still transitioning.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'chg-08',
      domain,
      topic: 'readiness for change',
      prompt:
        'When you plan a change, how well do you check that the skills, time and budget are there to deliver it?',
      options: [
        'We assess readiness up front and secure people, skills and budget before we start',
        'We usually check resources for larger changes',
        'We start and find the gaps along the way',
        'Changes regularly stall for lack of skills, time or budget',
        'We never plan resources for change; it is added on top of full workloads',
      ],
      weakPractice: 'Changes start without the skills, time or budget to deliver them, and stall part-way.',
      strength: 'Readiness is assessed and resources secured before a change starts.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Run a readiness check before launch',
          action:
            'Before starting a change, confirm in writing who will do the work, how much of their time is freed, what skills are missing and what budget is available.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
        {
          horizon: 'strategic',
          title: 'Build internal project delivery skills',
          action:
            'Train a few people in practical project and change management, or hire a delivery lead, so the company can run several changes without relying on the founder.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'chg-09',
      domain,
      topic: 'managers as change leaders',
      prompt: 'How well do your middle managers lead change in their teams?',
      options: [
        'Managers are briefed early, trained to lead change and measured on adoption in their teams',
        'Most managers support changes and explain them to their teams',
        'Managers pass on messages but do not actively lead change',
        'Some managers openly doubt changes in front of their teams',
        'Managers block or quietly undo changes they disagree with',
      ],
      conditions: ['over50Employees'],
      weakPractice:
        'Middle managers do not lead change in their teams, so changes stall below the leadership level.',
      strength: 'Managers briefed, trained and measured on leading change in their teams.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Brief managers before every announcement',
          action:
            'Hold a short session with all managers a few days before any change is announced, so they understand it, can raise concerns and can answer their teams’ questions.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Train managers to lead change',
          action:
            'Give managers practical training in explaining change, handling resistance and supporting people through transitions, and include adoption in their goals.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'chg-10',
      domain,
      topic: 'change fatigue during rapid growth',
      prompt: 'With the company growing fast, how are people coping with the constant change?',
      options: [
        'Change is paced and explained; engagement has held up through the growth',
        'People are stretched but coping, and we check in regularly',
        'There are signs of fatigue, such as slower adoption and more complaints',
        'People are openly tired of change and initiatives are being ignored',
        'Change fatigue is driving people to leave',
      ],
      conditions: ['rapidGrowth'],
      followUps: [{ id: 'chg-10-f1', prompt: 'Which changes in the last year caused the most frustration?' }],
      weakPractice:
        'Constant change during rapid growth has exhausted the team, and new initiatives are being ignored.',
      strength: 'Change paced and explained so engagement holds up through rapid growth.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Ask teams what to stop',
          action:
            'Ask each team which recent changes or processes add the least value, and stop or simplify the top items within a month.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Set a change calendar',
          action:
            'Publish a calendar of planned changes for the next two quarters and avoid launching more than one major change per team at a time.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
      ],
    },
  ],
};
