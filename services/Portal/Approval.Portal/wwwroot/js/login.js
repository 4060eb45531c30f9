// The password step of the portal's sign-in: signs in at the Identity service (its login cookie, through the
// gateway), asks staff for their TOTP code, then starts the authorization code + PKCE flow at /account/signin.
(function () {
  const form = document.getElementById('login-form');
  if (!form) return;
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  const totpStep = document.getElementById('totp-step');
  let needsTotp = false;

  function show(message) { error.textContent = message; error.hidden = false; }
  async function post(path, body) {
    const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
    let json = {};
    try { json = await response.json(); } catch { /* no body */ }
    return { ok: response.ok, status: response.status, json };
  }
  function problem(result) {
    if (result.status === 429) return '尝试过于频繁，请稍后再试。';
    return (result.json && (result.json.detail || result.json.title)) || ('登录失败（' + result.status + '）');
  }

  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    submit.classList.add('ant-btn-loading');
    submit.textContent = '登录中…';
    try {
      let result;
      if (!needsTotp) {
        const userName = form.userName.value.trim(), password = form.password.value;
        if (!userName || !password) { show('请输入用户名和密码。'); return; }
        await post('/api/identity/logout');
        result = await post('/api/identity/login', { userName, password });
        if (result.ok && result.json.secondFactor === 'totp') {
          needsTotp = true;
          totpStep.hidden = false;
          form.totp.focus();
          return;
        }
        if (result.ok && result.json.secondFactor) { show('该账户尚未绑定动态口令，请先在身份认证服务完成绑定。'); return; }
      } else {
        result = await post('/api/identity/login/totp', { code: form.totp.value.trim() });
      }
      if (!result.ok) { show(problem(result)); return; }
      location.href = '/account/signin?returnUrl=' + encodeURIComponent(form.dataset.returnUrl || '/');
    } catch (err) {
      show('无法连接身份认证服务：' + err);
    } finally {
      submit.disabled = false;
      submit.classList.remove('ant-btn-loading');
      submit.textContent = needsTotp ? '验证并登录' : '登录';
    }
  });
})();
