/**
 * Words of the "why 402?" diagnosis (causes, evidence, steps, pasted-error notes) in English
 * and Simplified Chinese. Built outside React (engine, CLI), so it lives here with `{{name}}`
 * placeholders that i18next would read the same way.
 */
import { translator } from './format';
import { diagnosisProvidersEn, diagnosisProvidersZh } from './diagnosis-providers';

const baseEn = {
  'cause.balance-depleted':
    'The balance is used up: API calls fail with {{status}} until you top up.',
  'cause.balance-depleted-any-status': 'The balance is used up: API calls fail until you top up.',
  'cause.balance-low': 'The balance is almost gone: the next calls may fail with {{status}}.',
  'cause.balance-low-any-status': 'The balance is almost gone: the next calls may fail.',
  'cause.gift-credit-expired':
    'Gift credit expired: it disappeared without being spent, and the topped-up balance cannot cover your calls.',
  'cause.account-unavailable':
    'DeepSeek blocks paid calls on this account although money remains (billing restriction, arrears or an account issue).',
  'cause.usage-spike':
    'Spending jumped far above the usual rate: this may be a runaway loop in your code or a leaked key.',
  'cause.wrong-account':
    'This key’s account is empty while another account has money: the top-up may have gone to the other account, or your program should use the other key.',
  'cause.top-up-pending':
    'You said you paid, but the balance has not moved: the payment may still be processing or may have failed.',
  'cause.invalid-key':
    'It is really a 401: the API key is wrong, deleted or malformed. This is not a balance problem.',
  'cause.rate-limited':
    'It is really a 429: too many requests at once. This is not a balance problem.',
  'cause.server-error':
    "It is really a server error on the provider's side (5xx). This is not a balance problem.",
  'cause.network':
    'DeepSeek cannot be reached (DNS, proxy, TLS or timeout). This is not a balance problem.',
  'cause.request-error': 'It is really a 400/422: the request itself is wrong, not the balance.',
  'cause.key-mismatch':
    'Your program got 402 but this account has money: your program probably sends a key from another account.',
  'cause.headline-row-empty':
    'The headline shows the empty {{currency}} row while your money is in {{fundedCurrency}}.',

  'ev.balance': 'Balance at {{time}}: {{balance}}.',
  'ev.balance-empty': 'Balance at {{time}}: {{balance}}; no currency row is above zero.',
  'ev.balance-low': '{{balance}} left, at or below the critical level of {{threshold}}.',
  'ev.balance-below-low': '{{balance}} left, below the low level of {{threshold}}.',
  'ev.spend-exceeds-left':
    'Calls in the last {{hours}} h cost {{spent}}, more than the {{balance}} left.',
  'ev.stale':
    'This reading is from {{time}} ({{ago}}); later checks failed, so it may be out of date.',
  'ev.unavailable':
    'DeepSeek reported is_available = false at {{time}} with {{balance}} on the account.',
  'ev.pasted': 'Your pasted error: {{what}}.',
  'ev.poll-error': 'Creditray’s check at {{time}} failed: {{what}}.',
  'ev.poll-repeated': '{{count}} checks in the last hour failed the same way.',
  'ev.retry-after': 'The server asked to wait {{seconds}} s before retrying.',
  'ev.gift-drop':
    'Gift credit fell from {{before}} to {{after}} at {{time}} while the topped-up balance stayed at {{toppedUp}}; in the week before, calls cost {{weekSpent}} in all.',
  'ev.spike':
    'Spend in the last {{hours}} h: {{spent}} ({{rate}}/h), about {{ratio}}× the usual {{usual}}/h.',
  'ev.spike-from-zero':
    'Spend in the last {{hours}} h: {{spent}} ({{rate}}/h), while the previous days showed none.',
  'ev.other-funded': '{{other}} ({{otherKey}}) has {{otherBalance}} and can pay for calls.',
  'ev.other-topped-up': '{{other}} received {{amount}} at {{time}}.',
  'ev.other-empty': '{{other}} ({{otherKey}}) is empty: your program may be sending that key.',
  'ev.paid': 'You said you paid at {{time}} ({{ago}}).',
  'ev.paid-no-change': 'The balance has not gone up since: {{balance}} at {{checked}}.',
  'ev.key-works':
    'Creditray’s key {{keyMask}} was accepted at {{time}}, so your program is sending a different key.',
  'ev.funded':
    'Creditray sees {{balance}} on {{label}} ({{keyMask}}) at {{time}}, and calls can be paid for.',
  'ev.funded-keyless':
    'Creditray sees {{balance}} on {{label}} at {{time}}, and calls can be paid for.',
  'ev.headline':
    'The headline currency is {{currency}} ({{balance}}), but {{funded}} holds the money.',

  'what.status': 'HTTP {{status}} {{message}}',
  'what.message': '{{message}}',

  'step.top-up.title': 'Top up the account',
  'step.top-up.why': 'Calls are paid from the balance; a top-up is what brings it back above zero.',
  'step.top-up-gift.why':
    'Expired gift credit does not come back; only topped-up balance pays for calls now.',
  'step.top-up-low.why': 'Topping up before it hits zero keeps your calls from failing.',
  'step.top-up-this.title': 'Or top up this account',
  'step.mark-paid.title': 'Tell Creditray when you have paid',
  'step.mark-paid.why': 'Then Creditray can tell you if the payment does not arrive.',
  'step.recheck.title': 'Re-check now',
  'step.recheck.why': 'Creditray checks the account again and ticks the steps that worked.',
  'step.check-usage.title': 'Look at the usage page',
  'step.check-usage.why':
    'It shows which calls were billed and when, so you can see what used the money.',
  'step.check-usage-gift.why':
    'If no calls were billed when the credit vanished, it expired rather than being spent.',
  'step.create-key.title': 'Create a new API key and delete the old one',
  'step.create-key.why': 'If the key leaked, only a new key stops whoever is using it.',
  'step.replace-key.title': 'Replace the key in Creditray',
  'step.replace-key.why': 'So Creditray keeps watching the account with the key that works.',
  'step.check-key.title': 'Check the key on the API keys page',
  'step.check-key.why':
    'A 401 means DeepSeek does not know this key: it was mistyped, deleted or never belonged to this account.',
  'step.use-same-key.title': 'Use the same key in your program',
  'step.use-same-key.why':
    'Creditray’s key ({{keyMask}}) works; look for an old key in your environment variables or config files.',
  'step.check-account.title': 'Check the account for bills or restrictions',
  'step.check-account.why':
    'Unpaid bills, arrears or a restriction make DeepSeek refuse paid calls even with money on the account.',
  'step.contact-support.title': 'Contact DeepSeek support if it lasts',
  'step.contact-support.why': 'Only DeepSeek can lift an account restriction or trace a payment.',
  'step.check-status.title': 'Look at DeepSeek’s status page',
  'step.check-status.why': 'If DeepSeek reports an incident, waiting is the fix.',
  'step.wait-retry.title': 'Wait a little, then re-check',
  'step.wait-retry.why': 'Server errors and overload usually pass within minutes.',
  'step.slow-down.title': 'Send fewer requests at once',
  'step.slow-down.why':
    'DeepSeek limits concurrent requests per account; retry with exponential back-off.',
  'step.check-connection.title': 'Check your connection, proxy and VPN',
  'step.check-connection.why':
    'DNS, a proxy, a firewall or a TLS-inspecting network can stop requests before they reach DeepSeek.',
  'step.read-error-codes.title': 'Read DeepSeek’s error-code page',
  'step.read-error-codes.why': 'It explains what a 400 or 422 means for the request you sent.',
  'step.fix-request.title': 'Fix the request body or parameters',
  'step.fix-request.why':
    'Check the model name, message format and parameter ranges; topping up will not help.',
  'step.use-other-key.title': 'Use the funded account’s key',
  'step.use-other-key.why':
    '{{other}} ({{otherKey}}) has money; put that key in your program if that is the account you meant.',
  'step.check-payment.title': 'Check the payment on the top-up page',
  'step.check-payment.why':
    'The order list shows whether the payment is pending, failed or went to another account.',
  'step.compare-key.title': 'Compare the key your program sends',
  'step.compare-key.why':
    'It should end like {{keyMask}}; a key from an empty account gets 402 even while this one has money.',
  'step.switch-headline.title': 'Show {{currency}} as the headline',
  'step.switch-headline.why': 'The tray then shows the currency that holds your money.',

  'source.deepseek-json': 'DeepSeek’s JSON error body',
  'source.curl': 'an HTTP response printed by curl',
  'source.openai-python': 'an OpenAI Python SDK error',
  'source.openai-js': 'an OpenAI JS SDK error',
  'source.langchain': 'an SDK error wrapped by a framework (LangChain style)',
  'source.plain': 'plain error text',
  'source.unknown': 'unknown text',
  'pasted.balance': 'Recognised {{source}}: {{what}}. This is a balance problem.',
  'pasted.not-balance':
    'Recognised {{source}}: {{what}}. This is not a balance problem: {{meaning}}',
  'pasted.unknown':
    'Not recognised. Paste the whole error including the HTTP status code (for example run the request with curl -i), or the last lines of the traceback.',
  'meaning.auth': 'the API key was refused.',
  'meaning.rate-limit': 'too many requests; slow down and retry.',
  'meaning.server': 'the provider had a server problem or is overloaded; retry shortly.',
  'meaning.request': 'the request itself is malformed or has bad parameters.',
  'meaning.network': 'the provider could not be reached.',
  'meaning.timeout': 'the request timed out before the provider answered.',
  'meaning.other': 'see the causes below.',
} as const;

const en = { ...baseEn, ...diagnosisProvidersEn };

export type DiagnosisMessageKey = keyof typeof en;

const baseZh: Record<keyof typeof baseEn, string> = {
  'cause.balance-depleted': '余额已用完：充值之前 API 调用会返回 {{status}}。',
  'cause.balance-depleted-any-status': '余额已用完：充值之前 API 调用都会失败。',
  'cause.balance-low': '余额即将用完：接下来的调用可能返回 {{status}}。',
  'cause.balance-low-any-status': '余额即将用完：接下来的调用可能失败。',
  'cause.gift-credit-expired': '赠送余额已过期：它没有被消费就消失了，而充值余额不足以支付调用。',
  'cause.account-unavailable':
    '账户仍有余额，但 DeepSeek 禁止了付费调用（计费限制、欠费或账户问题）。',
  'cause.usage-spike': '消费速度远高于平时：可能是代码陷入了失控循环，或者密钥已泄露。',
  'cause.wrong-account':
    '此密钥所属账户为空，而另一个账户有余额：充值可能充到了另一个账户，或者你的程序应改用另一个密钥。',
  'cause.top-up-pending': '你说已经付款，但余额没有变化：付款可能仍在处理中，也可能失败了。',
  'cause.invalid-key': '实际上是 401：API 密钥错误、已删除或格式不对。这不是余额问题。',
  'cause.rate-limited': '实际上是 429：同时发出的请求太多。这不是余额问题。',
  'cause.server-error': '实际上是服务商一侧的服务器错误（5xx）。这不是余额问题。',
  'cause.network': '无法连接 DeepSeek（DNS、代理、TLS 或超时）。这不是余额问题。',
  'cause.request-error': '实际上是 400/422：请求本身有误，而不是余额问题。',
  'cause.key-mismatch': '你的程序收到 402，但此账户有余额：你的程序很可能使用了另一个账户的密钥。',
  'cause.headline-row-empty':
    '主显示币种 {{currency}} 的余额为空，而你的钱在 {{fundedCurrency}} 账户行中。',

  'ev.balance': '{{time}} 的余额：{{balance}}。',
  'ev.balance-empty': '{{time}} 的余额：{{balance}}；没有任何币种的余额大于零。',
  'ev.balance-low': '剩余 {{balance}}，已不高于告急线 {{threshold}}。',
  'ev.balance-below-low': '剩余 {{balance}}，已低于低余额线 {{threshold}}。',
  'ev.spend-exceeds-left': '最近 {{hours}} 小时的调用花费 {{spent}}，超过剩余的 {{balance}}。',
  'ev.stale': '这是 {{time}}（{{ago}}）的读数；之后的检查失败了，可能已过时。',
  'ev.unavailable': 'DeepSeek 在 {{time}} 报告 is_available = false，而账户上还有 {{balance}}。',
  'ev.pasted': '你粘贴的错误：{{what}}。',
  'ev.poll-error': 'Creditray 在 {{time}} 的检查失败：{{what}}。',
  'ev.poll-repeated': '最近一小时内有 {{count}} 次检查以同样方式失败。',
  'ev.retry-after': '服务器要求等待 {{seconds}} 秒后重试。',
  'ev.gift-drop':
    '赠送余额在 {{time}} 从 {{before}} 降到 {{after}}，而充值余额保持在 {{toppedUp}}；此前一周的调用总共只花费 {{weekSpent}}。',
  'ev.spike':
    '最近 {{hours}} 小时消费 {{spent}}（{{rate}}/小时），约为平时 {{usual}}/小时的 {{ratio}} 倍。',
  'ev.spike-from-zero':
    '最近 {{hours}} 小时消费 {{spent}}（{{rate}}/小时），而之前几天几乎没有消费。',
  'ev.other-funded': '{{other}}（{{otherKey}}）有 {{otherBalance}}，可以支付调用。',
  'ev.other-topped-up': '{{other}} 在 {{time}} 到账 {{amount}}。',
  'ev.other-empty': '{{other}}（{{otherKey}}）为空：你的程序可能使用的是这个密钥。',
  'ev.paid': '你说在 {{time}}（{{ago}}）付了款。',
  'ev.paid-no-change': '之后余额没有增加：{{checked}} 时为 {{balance}}。',
  'ev.key-works':
    'Creditray 的密钥 {{keyMask}} 在 {{time}} 被接受，所以你的程序发送的是另一个密钥。',
  'ev.funded':
    'Creditray 在 {{time}} 看到 {{label}}（{{keyMask}}）有 {{balance}}，并且可以支付调用。',
  'ev.funded-keyless': 'Creditray 在 {{time}} 看到 {{label}} 有 {{balance}}，并且可以支付调用。',
  'ev.headline': '主显示币种是 {{currency}}（{{balance}}），但钱在 {{funded}}。',

  'what.status': 'HTTP {{status}} {{message}}',
  'what.message': '{{message}}',

  'step.top-up.title': '为账户充值',
  'step.top-up.why': '调用从余额中扣费；充值才能让余额重新大于零。',
  'step.top-up-gift.why': '过期的赠送余额不会恢复；现在只有充值余额能支付调用。',
  'step.top-up-low.why': '在余额归零之前充值，调用就不会失败。',
  'step.top-up-this.title': '或者为此账户充值',
  'step.mark-paid.title': '付款后告诉 Creditray',
  'step.mark-paid.why': '这样如果款项没有到账，Creditray 可以提醒你。',
  'step.recheck.title': '立即重新检查',
  'step.recheck.why': 'Creditray 会再次检查账户，并勾选已经生效的步骤。',
  'step.check-usage.title': '查看用量页面',
  'step.check-usage.why': '它显示哪些调用在何时计费，可以看出钱花在了哪里。',
  'step.check-usage-gift.why': '如果余额消失时没有调用计费，那就是过期而不是被消费。',
  'step.create-key.title': '新建 API 密钥并删除旧密钥',
  'step.create-key.why': '如果密钥泄露，只有换新密钥才能阻止他人继续使用。',
  'step.replace-key.title': '在 Creditray 中替换密钥',
  'step.replace-key.why': '让 Creditray 用可用的密钥继续监控账户。',
  'step.check-key.title': '在 API 密钥页面核对密钥',
  'step.check-key.why': '401 表示 DeepSeek 不认识这个密钥：可能输错、已删除或不属于此账户。',
  'step.use-same-key.title': '在你的程序中使用同一个密钥',
  'step.use-same-key.why':
    'Creditray 的密钥（{{keyMask}}）可用；请检查环境变量或配置文件中是否有旧密钥。',
  'step.check-account.title': '检查账户是否有欠费或限制',
  'step.check-account.why': '欠费、未结账单或账户限制会让 DeepSeek 在有余额时也拒绝付费调用。',
  'step.contact-support.title': '如果持续存在，请联系 DeepSeek 客服',
  'step.contact-support.why': '只有 DeepSeek 能解除账户限制或追查付款。',
  'step.check-status.title': '查看 DeepSeek 状态页',
  'step.check-status.why': '如果 DeepSeek 报告了故障，等待即可。',
  'step.wait-retry.title': '稍等片刻后重新检查',
  'step.wait-retry.why': '服务器错误和过载通常几分钟内就会过去。',
  'step.slow-down.title': '减少同时发出的请求',
  'step.slow-down.why': 'DeepSeek 按账户限制并发请求；请用指数退避方式重试。',
  'step.check-connection.title': '检查网络、代理和 VPN',
  'step.check-connection.why': 'DNS、代理、防火墙或会检查 TLS 的网络都可能让请求到不了 DeepSeek。',
  'step.read-error-codes.title': '阅读 DeepSeek 错误码页面',
  'step.read-error-codes.why': '它说明 400 或 422 对你发送的请求意味着什么。',
  'step.fix-request.title': '修正请求体或参数',
  'step.fix-request.why': '检查模型名称、消息格式和参数范围；充值无济于事。',
  'step.use-other-key.title': '使用有余额账户的密钥',
  'step.use-other-key.why':
    '{{other}}（{{otherKey}}）有余额；如果你本来想用那个账户，请在程序中换成它的密钥。',
  'step.check-payment.title': '在充值页面核对付款',
  'step.check-payment.why': '订单列表会显示付款是处理中、失败，还是充到了别的账户。',
  'step.compare-key.title': '核对你的程序发送的密钥',
  'step.compare-key.why':
    '它应当以 {{keyMask}} 这样的结尾；空账户的密钥即使在此账户有余额时也会得到 402。',
  'step.switch-headline.title': '将 {{currency}} 设为主显示币种',
  'step.switch-headline.why': '托盘将显示有余额的币种。',

  'source.deepseek-json': 'DeepSeek 的 JSON 错误',
  'source.curl': 'curl 打印的 HTTP 响应',
  'source.openai-python': 'OpenAI Python SDK 错误',
  'source.openai-js': 'OpenAI JS SDK 错误',
  'source.langchain': '被框架包装的 SDK 错误（LangChain 风格）',
  'source.plain': '普通错误文本',
  'source.unknown': '未知文本',
  'pasted.balance': '已识别为 {{source}}：{{what}}。这是余额问题。',
  'pasted.not-balance': '已识别为 {{source}}：{{what}}。这不是余额问题：{{meaning}}',
  'pasted.unknown':
    '无法识别。请粘贴包含 HTTP 状态码的完整错误（例如用 curl -i 重新发送请求），或错误堆栈的最后几行。',
  'meaning.auth': 'API 密钥被拒绝。',
  'meaning.rate-limit': '请求过多；请放慢速度后重试。',
  'meaning.server': '服务商的服务器出了问题或过载；请稍后重试。',
  'meaning.request': '请求本身格式错误或参数不对。',
  'meaning.network': '无法连接到服务商。',
  'meaning.timeout': '服务商应答之前请求已超时。',
  'meaning.other': '请看下面的原因。',
};

const zhCN: Record<DiagnosisMessageKey, string> = { ...baseZh, ...diagnosisProvidersZh };

export const diagnosisMessages = { en, 'zh-CN': zhCN } as const;

/** One diagnosis string in `lang`, placeholders filled. */
export const diagnosisText = translator<DiagnosisMessageKey>(diagnosisMessages);
