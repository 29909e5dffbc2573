app_name = "scrutiny"
urlpatterns: list = []
