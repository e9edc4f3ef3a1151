/**
 * Words of the diagnosis for other providers' out-of-money errors (issue 12): the four new
 * causes, their evidence and steps, and the pasted-error note that names the provider. Kept
 * apart from ./diagnosis.ts so neither table grows past a readable size; merged there.
 */
export const diagnosisProvidersEn = {
  'cause.balance-depleted-provider':
    '{{provider}} says the account is out of money: calls fail until you top up.',
  'cause.paid-balance-required':
    '{{provider}} needs paid (topped-up) balance for this model: gift credit cannot pay for it, and the paid balance is too low.',
  'cause.request-exceeds-balance':
    'This request could cost more than the credit left on {{provider}}: lower max_tokens or top up.',
  'cause.key-limit-reached':
    'The spending limit of this key (or project) at {{provider}} is used up; the account itself may still have money.',
  'cause.account-overdue':
    '{{provider}} blocks calls because the account is overdue or not active (unpaid bills or a negative balance).',

  'provider.unknown': 'the provider',
  'ev.wording.balance-depleted':
    'This is how {{provider}} says the account has no money left, whatever HTTP status came with it.',
  'ev.wording.paid-balance-required':
    'Only topped-up (paid) balance can pay for this model; gift balance does not count.',
  'ev.wording.tokens':
    'You asked for up to {{requested}} tokens, but the credit left pays for about {{affordable}}.',
  'ev.wording.request-exceeds-balance':
    'The credit for the whole max_tokens is reserved before the call runs, and what is left does not cover it.',
  'ev.wording.key-limit-reached':
    'The limit belongs to the key (or project), not to the account: other keys of the same account may still work.',
  'ev.wording.key-limit-relay': 'The relay gave your key its own quota, and that quota is used up.',
  'ev.wording.account-overdue':
    '{{provider}} refuses calls while the account is in arrears or not active; clearing what is owed lifts the block.',
  'ev.wording.body-hidden':
    '{{provider}} sends its balance errors without an "error" field, so the SDK printed no body: this is most likely money, but only the body says which.',
  'ev.wording.lookalike':
    '{{provider}} uses the same HTTP status when money runs out, but this type ({{type}}) is not about money.',

  'step.top-up-provider.title': 'Top up at {{provider}}',
  'step.top-up-provider.why':
    'Calls are paid from {{provider}}’s balance; a top-up is what unblocks them.',
  'step.top-up-paid.why':
    'Only topped-up balance pays for this model; adding paid balance is what unblocks it.',
  'step.other-model.title': 'Or switch to a model that gift credit can pay for',
  'step.other-model.why':
    'Models that accept gift balance keep working without a top-up; the model list says which ones.',
  'step.lower-max-tokens.title': 'Lower max_tokens in your request',
  'step.lower-max-tokens.why':
    'The credit left covers about {{affordable}} tokens; a smaller max_tokens lets the call run now.',
  'step.lower-max-tokens-unknown.why':
    'The provider reserves credit for the whole max_tokens; a smaller value lets the call run on what is left.',
  'step.raise-key-limit.title': 'Raise the key’s limit, or create a key with a higher one',
  'step.raise-key-limit.why': 'The account may still have money; only this key’s cap is used up.',
  'step.ask-relay-admin.title': 'Ask the relay’s operator for more quota on your key',
  'step.ask-relay-admin.why':
    'A one-api / new-api relay gives each key its own quota; only the relay can raise it or give you a new key.',
  'step.top-up-relay.title': 'Top up your account on the relay’s site',
  'step.top-up-relay.why':
    'Your relay account has no quota left; add quota there (the upstream provider’s balance does not help).',
  'step.pay-overdue.title': 'Pay what is overdue at {{provider}}',
  'step.pay-overdue.why':
    'Calls resume once the account is no longer in arrears; this can take a few minutes after paying.',
  'step.check-billing.title': 'Look at the billing page for unpaid bills or an inactive account',
  'step.check-billing.why':
    'It shows what is owed and since when, or why the account is not active.',
  'step.curl-body.title': 'Run the same request with curl -i to see the body',
  'step.curl-body.why':
    'The body carries the exact code (for SiliconFlow 30001: balance used up; 30011: paid balance required).',
  'step.check-usage-provider.why':
    'It shows what the money was spent on, so you can tell whether a loop or a leaked key used it.',

  'source.json': 'a JSON error body',
  'pasted.balance-provider':
    'Recognised {{source}} from {{provider}}: {{what}}. This is a balance problem.',
  'pasted.not-balance-provider':
    'Recognised {{source}} from {{provider}}: {{what}}. This is not a balance problem: {{meaning}}',
} as const;

export type DiagnosisProvidersKey = keyof typeof diagnosisProvidersEn;

export const diagnosisProvidersZh: Record<DiagnosisProvidersKey, string> = {
  'cause.balance-depleted-provider': '{{provider}} 表示账户余额已用完：充值之前调用都会失败。',
  'cause.paid-balance-required':
    '{{provider}} 的这个模型只能用充值余额支付：赠送余额不能用于它，而充值余额不足。',
  'cause.request-exceeds-balance':
    '这次请求可能花费的金额超过了 {{provider}} 的剩余额度：请调低 max_tokens 或充值。',
  'cause.key-limit-reached':
    '{{provider}} 上这个密钥（或项目）的消费上限已用完；账户本身可能仍有余额。',
  'cause.account-overdue': '{{provider}} 因账户欠费或未激活而拒绝调用（未付账单或余额为负）。',

  'provider.unknown': '服务商',
  'ev.wording.balance-depleted':
    '这是 {{provider}} 表示账户没有余额的说法，与返回的 HTTP 状态码无关。',
  'ev.wording.paid-balance-required': '这个模型只能用充值（付费）余额支付；赠送余额不计入。',
  'ev.wording.tokens': '你请求最多 {{requested}} 个 token，但剩余额度只够大约 {{affordable}} 个。',
  'ev.wording.request-exceeds-balance': '调用前会按整个 max_tokens 预留额度，而剩余额度不够预留。',
  'ev.wording.key-limit-reached':
    '这个上限属于密钥（或项目），不属于账户：同一账户的其他密钥可能仍然可用。',
  'ev.wording.key-limit-relay': '中转站给你的密钥单独分配了额度，这份额度已经用完。',
  'ev.wording.account-overdue': '账户欠费或未激活时 {{provider}} 会拒绝调用；结清欠款后即可解除。',
  'ev.wording.body-hidden':
    '{{provider}} 返回余额错误时不带 "error" 字段，所以 SDK 没有打印响应体：这很可能是余额问题，但只有响应体能说明具体是哪一种。',
  'ev.wording.lookalike':
    '{{provider}} 在余额用完时也会返回同样的 HTTP 状态码，但这个类型（{{type}}）与余额无关。',

  'step.top-up-provider.title': '在 {{provider}} 充值',
  'step.top-up-provider.why': '调用从 {{provider}} 的余额中扣费；充值后即可恢复。',
  'step.top-up-paid.why': '只有充值余额能支付这个模型；补充付费余额才能解除限制。',
  'step.other-model.title': '或者换用赠送余额可以支付的模型',
  'step.other-model.why': '支持赠送余额的模型无需充值即可继续使用；模型列表会注明。',
  'step.lower-max-tokens.title': '调低请求中的 max_tokens',
  'step.lower-max-tokens.why':
    '剩余额度大约够 {{affordable}} 个 token；调小 max_tokens 就能立即调用。',
  'step.lower-max-tokens-unknown.why': '服务商会按整个 max_tokens 预留额度；调小后剩余额度就够用。',
  'step.raise-key-limit.title': '提高密钥的额度上限，或新建一个上限更高的密钥',
  'step.raise-key-limit.why': '账户可能仍有余额；只是这个密钥的上限用完了。',
  'step.ask-relay-admin.title': '请中转站管理员为你的密钥增加额度',
  'step.ask-relay-admin.why':
    'one-api / new-api 中转站为每个密钥单独分配额度；只有中转站能提高额度或给你新密钥。',
  'step.top-up-relay.title': '在中转站网站为你的账户充值',
  'step.top-up-relay.why': '你在中转站的账户额度已用完；请在那里充值（上游服务商的余额无济于事）。',
  'step.pay-overdue.title': '在 {{provider}} 结清欠款',
  'step.pay-overdue.why': '账户不再欠费后调用即可恢复；付款后可能需要几分钟。',
  'step.check-billing.title': '在账单页面查看未付账单或账户状态',
  'step.check-billing.why': '它会显示欠款金额和时间，或账户未激活的原因。',
  'step.curl-body.title': '用 curl -i 重新发送同一请求以查看响应体',
  'step.curl-body.why': '响应体包含确切的错误码（硅基流动 30001：余额不足；30011：需要充值余额）。',
  'step.check-usage-provider.why': '它会显示钱花在了哪里，可以看出是否是失控循环或泄露的密钥。',

  'source.json': 'JSON 错误响应体',
  'pasted.balance-provider': '已识别为来自 {{provider}} 的 {{source}}：{{what}}。这是余额问题。',
  'pasted.not-balance-provider':
    '已识别为来自 {{provider}} 的 {{source}}：{{what}}。这不是余额问题：{{meaning}}',
};
