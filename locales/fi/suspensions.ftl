# Admins suspend accounts and block instances.

login-suspended = Tämä tili on jäädytetty. Ylläpidon antama syy: { $reason }
login-suspended-short = Tämä tili on jäädytetty.
admin-public-reason = Julkinen syy (näkyy Tietoja-sivulla)
